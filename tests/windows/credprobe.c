/* credprobe write|read TARGET: writes a generic credential for the user, or tells whether it is
   there (exit 0) or not (exit 1). test_installers.sh checks with it that the uninstaller's
   /REMOVEDATA deletes Gantry's Credential Manager entries and nothing else.
   credprobe dump FILTER (e.g. "Gantry/" and a star): each matching credential as a line "TARGET<TAB>BLOB",
   the target in UTF-8 and the blob's bytes as they are; exit 1 when none matches.
   test_gantryctl_wine.sh reads a secret back with it. */
#include <windows.h>
#include <wincred.h>
#include <stdio.h>
#include <string.h>

static int dump(const wchar_t *filter)
{
    DWORD count = 0;
    PCREDENTIALW *all = NULL;
    if (!CredEnumerateW(filter, 0, &count, &all))
        return 1;
    for (DWORD i = 0; i < count; ++i) {
        char target[1024];
        int n = WideCharToMultiByte(CP_UTF8, 0, all[i]->TargetName, -1, target, sizeof target, NULL, NULL);
        fwrite(target, 1, n > 0 ? (size_t)n - 1 : 0, stdout);
        fputc('\t', stdout);
        fwrite(all[i]->CredentialBlob, 1, all[i]->CredentialBlobSize, stdout);
        fputc('\n', stdout);
    }
    CredFree(all);
    return count ? 0 : 1;
}

int wmain(int argc, wchar_t **argv)
{
    if (argc != 3)
        return 2;
    if (wcscmp(argv[1], L"dump") == 0)
        return dump(argv[2]);
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
