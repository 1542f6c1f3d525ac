#pragma once

#include <QString>

struct archive;

namespace Gantry {

// Opens an archive file for libarchive by its name. On Windows through libarchive's wide-character
// calls: the narrow ones take the name in the ANSI code page, so a folder named "My 项目" came out
// as "My ??" and could not be opened. Elsewhere the name's bytes as the file system has them.
class ArchiveFile final {
public:
    static int openForWriting(archive *a, const QString &fileName);
    static int openForReading(archive *a, const QString &fileName, size_t blockSize);
};

} // namespace Gantry
