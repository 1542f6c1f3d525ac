#include "widgets/common/appicon.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Gantry {

QIcon appIcon(const QString &name)
{
    QIcon icon;
    const QDir dir(u":/icons/"_s + name);
    for (const QString &file : dir.entryList({ u"*.png"_s }, QDir::Files)) {
        const int size = QStringView(file).chopped(4).toInt();
        if (size > 0)
            icon.addFile(dir.filePath(file), QSize(size, size));
    }
    return icon;
}

} // namespace Gantry
