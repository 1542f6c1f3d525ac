#include "widgets/common/aboutpage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "widgets/common/appicon.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

const QString HomePage = u"https://github.com/gantry-app/gantry"_s;

QLabel *link(QWidget *parent, const QString &url, const QString &text)
{
    auto *label = new QLabel(u"<a href=\"%1\">%2</a>"_s.arg(url, text.toHtmlEscaped()), parent);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    return label;
}

} // namespace

AboutPage::AboutPage(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader());
    layout->addWidget(createDetails());
    layout->addStretch(1);
}

AboutPage::~AboutPage() = default;

QWidget *AboutPage::createHeader()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    auto *icon = new QLabel(box);
    const int size = fontMetrics().height() * 4;
    icon->setPixmap(appIcon(u"gantry"_s).pixmap(size, size));
    auto *title = new QLabel(box);
    title->setObjectName(u"aboutTitle"_s);
    title->setTextFormat(Qt::RichText);
    title->setText(u"<h2>Gantry</h2><p>%1</p>"_s.arg(
        tr("Build Go web services and deploy them to your servers, without the command line.")
            .toHtmlEscaped()));
    title->setWordWrap(true);
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(title, 1);
    return box;
}

QWidget *AboutPage::createDetails()
{
    auto *box = new QWidget(this);
    auto *form = new QFormLayout(box);
    auto *version = new QLabel(QStringLiteral(GANTRY_VERSION), box);
    version->setObjectName(u"aboutVersion"_s);
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *qt = new QLabel(
        tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR)), box);
    qt->setObjectName(u"aboutQtVersion"_s);
    auto *license =
        new QLabel(tr("© Gantry contributors. Gantry is distributed under the terms of its LICENSE "
                      "file; Qt is used under the GNU LGPL version 3."),
            box);
    license->setWordWrap(true);
    form->addRow(tr("Version:"), version);
    form->addRow(tr("Qt:"), qt);
    form->addRow(tr("License:"), license);
    form->addRow(tr("Website:"), link(box, HomePage, HomePage));
    form->addRow(tr("Report a problem:"), link(box, HomePage + u"/issues"_s, tr("Issue tracker")));
    form->addRow(tr("Go downloads:"), link(box, u"https://go.dev/dl/"_s, u"go.dev/dl"_s));
    return box;
}

} // namespace Gantry
