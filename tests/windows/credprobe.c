/* credprobe write|read TARGET: writes a generic credential for the user, or tells whether it is
   there (exit 0) or not (exit 1). test_installers.sh checks with it that the uninstaller's
   /REMOVEDATA deletes Gantry's Credential Manager entries and nothing else. */
#include <windows.h>
#include <wincred.h>
#include <string.h>

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3)
        return 2;
    if (wcscmp(argv[1], L"write") == 0) {
        CREDENTIALW c = { 0 };
        static BYTE blob[] = "probe";
        c.Type = CRED_TYPE_GENERIC;
        c.TargetName = argv[2];
        c.CredentialBlobSize = sizeof blob;
        c.CredentialBlob = blob;
        c.Persist = CRED_PERSIST_LOCAL_MACHINE;
        return CredWriteW(&c, 0) ? 0 : 3;
    }
    PCREDENTIALW found = NULL;
    if (!CredReadW(argv[2], CRED_TYPE_GENERIC, 0, &found))
        return 1;
    CredFree(found);
    return 0;
}
