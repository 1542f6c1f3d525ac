; Gantry's Windows installer: NSIS 3, Modern UI 2, 64-bit Unicode, English and Simplified Chinese.
; Built by the CMake target `installer-nsis` (cmake/WindowsPackaging.cmake), which passes:
;   /DVERSION=0.1.0              the CMake project version (x.y.z)
;   /DSOURCE_DIR=<deploy folder> what scripts/windows-deploy.sh gathered
;   /DFILES_NSH=<files.nsh>      the file list of that folder (cmake/NsisFileList.cmake): the
;                                installer ships exactly these files and the uninstaller removes them
;   /DOUTFILE=<setup.exe>        optional
;   /DICON=<gantry.ico>          optional
;   /DCOMPRESSOR=zlib            optional (default: solid lzma)
;
; Command line (silent installs for administrators):
;   setup.exe /S                 silent; per-machine when run elevated, else per-user
;   setup.exe /S /AllUsers       per-machine, into C:\Program Files\Gantry (needs elevation)
;   setup.exe /S /CurrentUser    per-user, into %LOCALAPPDATA%\Programs\Gantry, no elevation
;   setup.exe /S /D=C:\Tools\Gantry   another folder (/D= last, unquoted, as NSIS wants)
;   uninstall.exe /S             silent uninstall; keeps the user's data
;   uninstall.exe /S /REMOVEDATA also removes the user's data (workspace, settings, logs, secrets)
;
; An upgrade installs in place: the installed version's own uninstaller runs first (silently, so it
; removes exactly the files it installed and none of the user's data), then the new files go in.
;
; The user's data, kept unless asked (Gantry's QCoreApplication organization "Gantry", app "gantry"):
;   %APPDATA%\Gantry\gantry        the workspace (workspace.db; QStandardPaths::AppDataLocation)
;   %LOCALAPPDATA%\Gantry\gantry   logs and caches (AppLocalDataLocation)
;   HKCU\Software\Gantry\gantry    settings (QSettings)
;   Credential Manager "Gantry/*"  secrets (core/secret/secretbackend_win.cpp)
Unicode true
Target amd64-unicode
ManifestDPIAware true
ManifestSupportedOS all

!ifndef VERSION
  !error "Pass /DVERSION=<x.y.z>"
!endif
!ifndef SOURCE_DIR
  !error "Pass /DSOURCE_DIR=<deploy folder> (scripts/windows-deploy.sh)"
!endif
!ifndef FILES_NSH
  !error "Pass /DFILES_NSH=<files.nsh> (cmake/NsisFileList.cmake)"
!endif
!ifndef OUTFILE
  !define OUTFILE "gantry-${VERSION}-setup.exe"
!endif

!define APP_NAME "Gantry"
!define PUBLISHER "Gantry contributors"
!define URL "https://github.com/gantry-app/gantry"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Gantry"
!define SETTINGS_KEY "Software\Gantry"
!define /ifndef GUI_EXE "gantry.exe"

; MultiUser: per-machine by default for an administrator, per-user otherwise or when chosen.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "Gantry"
; An existing install's folder and mode win over the defaults (an upgrade lands where it was).
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include "MultiUser.nsh"
!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "x64.nsh"
!include "${FILES_NSH}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
; No InstallDir: an $INSTDIR set before .onInit then can only come from /D= (see .onInit).
; /DCOMPRESSOR=zlib builds in seconds instead of a minute (tests); releases use the default.
!ifdef COMPRESSOR
  SetCompressor ${COMPRESSOR}
!else
  SetCompressor /SOLID lzma
!endif
BrandingText "${APP_NAME} ${VERSION}"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif

VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

; "Run Gantry" on the finish page must not start Gantry elevated (its workspace, settings and
; secrets would belong to the elevated session). With the ShellExecAsUser plugin it runs as the
; desktop's user; without it the box is offered only when the installer itself is not elevated.
!if /FileExists "${NSISDIR}\Plugins\amd64-unicode\ShellExecAsUser.dll"
  !define HAVE_SHELLEXECASUSER
!endif
!if /FileExists "${SOURCE_DIR}/${GUI_EXE}"
  !define HAVE_GUI
!endif


!define MUI_ABORTWARNING
!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!ifdef HAVE_GUI
  !define MUI_FINISHPAGE_RUN
  !define MUI_FINISHPAGE_RUN_FUNCTION RunGantry
  !define MUI_PAGE_CUSTOMFUNCTION_SHOW FinishPageShow
!endif
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString SecRemoveDataName ${LANG_ENGLISH} "Also remove my data"
LangString SecRemoveDataName ${LANG_SIMPCHINESE} "同时删除我的数据"
LangString SecRemoveDataDesc ${LANG_ENGLISH} "Your workspace (projects, servers, deploy history), settings, logs and saved passwords. Leave unticked to keep them for a later install."
LangString SecRemoveDataDesc ${LANG_SIMPCHINESE} "您的工作区（项目、服务器、部署历史）、设置、日志和保存的密码。不勾选则保留，供以后安装使用。"
LangString SecProgramName ${LANG_ENGLISH} "Gantry"
LangString SecProgramName ${LANG_SIMPCHINESE} "Gantry"

; ---------------------------------------------------------------------------------------------
; Install

Function .onInit
  ; /D= sets $INSTDIR before .onInit; MultiUser then overwrites it with its default.
  StrCpy $0 $INSTDIR
  !insertmacro MULTIUSER_INIT
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

; The installed version's uninstaller removes its own files (its list, not ours: a file this version
; no longer ships goes too). `_?=` makes it run in place, so ExecWait really waits; without it,
; it copies itself to %TEMP% and returns at once. It keeps the user's data (no /REMOVEDATA).
Function RemovePreviousVersion
  ReadRegStr $1 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $1 == ""
  ${OrIfNot} ${FileExists} "$1\uninstall.exe"
    Return
  ${EndIf}
  DetailPrint "Removing the installed version from $1"
  ExecWait '"$1\uninstall.exe" /S _?=$1' $2
  ${If} $2 != 0
    DetailPrint "The previous uninstaller exited with $2; installing over its files"
  ${EndIf}
  Delete "$1\uninstall.exe" ; _?= leaves the uninstaller itself behind
  RMDir "$1"
FunctionEnd

Function WriteUninstallEntry
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "URLInfoAbout" "${URL}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  !ifdef HAVE_GUI
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE},0"
  !else
    WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\uninstall.exe,0"
  !endif
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
FunctionEnd

Section "!$(SecProgramName)" SecProgram
  SectionIn RO
  Call RemovePreviousVersion
  !insertmacro GantryInstallFiles
  WriteUninstaller "$INSTDIR\uninstall.exe"
  !ifdef HAVE_GUI
    SetOutPath "$INSTDIR" ; the shortcut's working folder
    CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}"
  !endif
  Call WriteUninstallEntry
SectionEnd

!ifdef HAVE_GUI
Function FinishPageShow
  !ifndef HAVE_SHELLEXECASUSER
    ${If} $MultiUser.Privileges == "Admin"
    ${OrIf} $MultiUser.Privileges == "Power"
      SendMessage $mui.FinishPage.Run ${BM_SETCHECK} ${BST_UNCHECKED} 0
      ShowWindow $mui.FinishPage.Run ${SW_HIDE}
    ${EndIf}
  !endif
FunctionEnd

Function RunGantry
  !ifdef HAVE_SHELLEXECASUSER
    ShellExecAsUser::ShellExecAsUser "open" "$INSTDIR\${GUI_EXE}"
  !else
    Exec '"$INSTDIR\${GUI_EXE}"' ; only reached when the installer is not elevated
  !endif
FunctionEnd
!endif

; ---------------------------------------------------------------------------------------------
; Uninstall

Section "un.$(SecProgramName)" SecUnProgram
  SectionIn RO
  !insertmacro GantryUninstallFiles
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only when empty: files the user put there stay
  !ifdef HAVE_GUI
    Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  !endif
  ; Only the entry that points at this folder (a per-user and a per-machine Gantry may coexist).
  ReadRegStr $0 SHCTX "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  ${EndIf}
SectionEnd

; Unticked by default; /REMOVEDATA ticks it. Removes the data of the user running the uninstaller.
Section /o "un.$(SecRemoveDataName)" SecRemoveData
  SetShellVarContext current
  RMDir /r "$APPDATA\Gantry\gantry"
  RMDir "$APPDATA\Gantry"
  RMDir /r "$LOCALAPPDATA\Gantry\gantry"
  RMDir "$LOCALAPPDATA\Gantry"
  DeleteRegKey HKCU "${SETTINGS_KEY}\gantry"
  DeleteRegKey /ifempty HKCU "${SETTINGS_KEY}"
  Call un.DeleteSecrets
  ${If} $MultiUser.InstallMode == "AllUsers"
    SetShellVarContext all
  ${EndIf}
SectionEnd

; Deletes the generic credentials "Gantry/*" of this user from the Credential Manager.
; CREDENTIALW on x64: Flags (4), Type (4), TargetName (8) ...
Function un.DeleteSecrets
  System::Call 'advapi32::CredEnumerateW(w "Gantry/*", i 0, *i .r4, *p .r5) i .r0'
  ${If} $0 == 0
    Return
  ${EndIf}
  StrCpy $6 0
  ${DoWhile} $6 < $4
    IntOp $7 $6 * 8
    IntPtrOp $7 $5 + $7
    System::Call '*$7(p .r8)' ; the $6-th CREDENTIALW*
    System::Call '*$8(i, i .r9, p .r2)' ; its Type and TargetName
    System::Call 'advapi32::CredDeleteW(p r2, i r9, i 0) i'
    IntOp $6 $6 + 1
  ${Loop}
  System::Call 'advapi32::CredFree(p r5)'
FunctionEnd

; The mode is the one this copy was installed in: the uninstall key whose InstallLocation is this
; folder (/AllUsers or /CurrentUser on the command line, as written in UninstallString, also work).
; (After the sections: ${SecRemoveData} is defined by its Section line.)
Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ReadRegStr $1 HKCU "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 == $INSTDIR
    Call un.MultiUser.InstallMode.AllUsers
  ${ElseIf} $1 == $INSTDIR
    Call un.MultiUser.InstallMode.CurrentUser
  ${EndIf}
  ${GetParameters} $2
  ClearErrors
  ${GetOptions} $2 "/REMOVEDATA" $3
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecRemoveData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecRemoveData} $(SecRemoveDataDesc)
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
