#include <QTest>

#include "core/common/redactor.h"

using namespace Qt::StringLiterals;
using namespace Gantry;

class tst_Redactor : public QObject {
    Q_OBJECT

private slots:
    void init() { Redactor::instance().clear(); }
    void masks_data();
    void masks();
    void multiLineSecretsAreMaskedLineByLine();
    void shortValuesAreLeftAlone();
};

void tst_Redactor::masks_data()
{
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << QStringList { u"hunter2"_s } << u"password=hunter2 ok"_s
                           << u"password=**** ok"_s;
    QTest::newRow("twice") << QStringList { u"s3cr3t"_s } << u"s3cr3t and s3cr3t"_s << u"**** and ****"_s;
    QTest::newRow("longest first") << QStringList { u"abc"_s, u"abcdef"_s } << u"x abcdef y abc"_s
                                   << u"x **** y ****"_s;
    QTest::newRow("unicode") << QStringList { u"密码🔑"_s } << u"token 密码🔑!"_s << u"token ****!"_s;
    QTest::newRow("regex chars") << QStringList { u"a.*b$"_s } << u"value a.*b$ and axxb"_s
                                 << u"value **** and axxb"_s;
    QTest::newRow("none") << QStringList {} << u"nothing secret"_s << u"nothing secret"_s;
}

void tst_Redactor::masks()
{
    QFETCH(QStringList, secrets);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    for (const QString &s : secrets)
        Redactor::instance().add(s);
    QCOMPARE(Redactor::instance().redact(text), expected);
    QCOMPARE(Redactor::instance().redact(text.toUtf8()), expected.toUtf8());
}

void tst_Redactor::multiLineSecretsAreMaskedLineByLine()
{
    Redactor::instance().add(u"-----BEGIN KEY-----\r\nAAAABBBB\nCCCCDDDD\n-----END KEY-----"_s);
    QCOMPARE(Redactor::instance().redact(u"remote: CCCCDDDD"_s), u"remote: ****"_s);
    QVERIFY(!Redactor::instance().redact(u"-----BEGIN KEY-----\r\nAAAABBBB"_s).contains(u"AAAABBBB"_s));
}

void tst_Redactor::shortValuesAreLeftAlone()
{
    Redactor::instance().add(u"1"_s);
    QCOMPARE(Redactor::instance().redact(u"port 1001"_s), u"port 1001"_s);
}

QTEST_GUILESS_MAIN(tst_Redactor)
#include "tst_redactor.moc"
