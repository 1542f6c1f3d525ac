#include "widgets/servers/guiprompter.h"

#include <deque>

#include <QThread>

#include "core/common/redactor.h"
#include "core/common/whenready.h"
#include "core/secret/secretstore.h"
#include "core/store/workspace.h"
#include "widgets/servers/passworddialog.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;

namespace Gantry {

namespace {

std::mutex g_queueMutex;
std::deque<std::optional<QString>> g_queue;
int g_asked = 0;

} // namespace

GuiPrompter::GuiPrompter(QWidget *parent)
    : m_parent(parent)
{
}

GuiPrompter::~GuiPrompter()
{
    declineAll();
}

HostConnection GuiPrompter::connectionTo(const Workspace &workspace, const ServerRecord &server)
{
    HostConnection connection = HostConnection::to(workspace, server);
    connection.prompter = this;
    // A jump server that signs in with a password finds its remembered one too.
    QList<ServerRecord> hops = connection.jumps.value_or(QList<ServerRecord>());
    hops << server;
    for (const ServerRecord &hop : std::as_const(hops))
        setKeychainKey(ServerListModel::login(hop), serverKeychainKey(workspace.id(), hop.name));
    return connection;
}

QString GuiPrompter::serverKeychainKey(const QString &workspaceId, const QString &server)
{
    return u"gantry:%1:server:%2:password"_s.arg(workspaceId, server);
}

void GuiPrompter::queueAnswer(std::optional<QString> answer)
{
    std::lock_guard lock(g_queueMutex);
    g_queue.push_back(std::move(answer));
}

int GuiPrompter::questionsAsked()
{
    std::lock_guard lock(g_queueMutex);
    return g_asked;
}

// GCC 12 at -O3 (the Windows build) takes a moved std::optional<QString> for uninitialized, a
// known false positive of -Wmaybe-uninitialized with std::optional (GCC bug 80635).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
std::optional<std::optional<QString>> GuiPrompter::takeQueuedAnswer()
{
    std::lock_guard lock(g_queueMutex);
    ++g_asked;
    if (g_queue.empty())
        return std::nullopt;
    std::optional<QString> answer = std::move(g_queue.front());
    g_queue.pop_front();
    return answer;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

bool GuiPrompter::isPassword(const Question &question)
{
    return question.kind == Kind::Password || question.kind == Kind::SudoPassword;
}

void GuiPrompter::setKeychainKey(const QString &host, const QString &key)
{
    m_keys.insert(host, key);
}

void GuiPrompter::declineAll()
{
    std::lock_guard lock(m_mutex);
    m_declined = true;
    for (const PendingPtr &pending : std::as_const(m_pending)) {
        if (!pending->answered) {
            pending->answered = true;
            pending->promise.set_value(std::nullopt);
        }
    }
    m_pending.clear();
}

void GuiPrompter::resolve(const PendingPtr &pending, const std::optional<QString> &answer)
{
    std::lock_guard lock(m_mutex);
    if (pending->answered)
        return;
    pending->answered = true;
    pending->promise.set_value(answer);
    m_pending.removeOne(pending);
}

std::optional<QString> GuiPrompter::ask(const Question &question)
{
    if (auto queued = takeQueuedAnswer()) {
        if (*queued)
            Redactor::instance().add(**queued);
        return *queued;
    }
    // The GUI thread must never wait for itself; core only asks from workers.
    if (QThread::currentThread() == QCoreApplication::instance()->thread())
        return std::nullopt;
    auto pending = std::make_shared<Pending>();
    std::future<std::optional<QString>> answer = pending->promise.get_future();
    {
        std::lock_guard lock(m_mutex);
        if (m_declined)
            return std::nullopt;
        m_pending.append(pending);
    }
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [this, question, pending] { answerOnGuiThread(question, pending); },
        Qt::QueuedConnection);
    return answer.get();
}

void GuiPrompter::answerOnGuiThread(const Question &question, const PendingPtr &pending)
{
    if (pending->answered) // declined meanwhile; `this` may be gone, so touch nothing else
        return;
    if (!m_parent)
        return resolve(pending, std::nullopt);
    if (isPassword(question) && m_passwords.contains(question.host))
        return resolve(pending, m_passwords.value(question.host));
    const QString key = m_keys.value(question.host);
    if (!isPassword(question) || key.isEmpty())
        return showDialog(question, pending);
    whenReady(SecretStore::read(key), m_parent.data(),
        [this, question, pending](const Result<QString> &remembered) {
            if (pending->answered)
                return;
            if (remembered && !remembered->isEmpty()) {
                Redactor::instance().add(*remembered);
                m_passwords.insert(question.host, *remembered);
                return resolve(pending, *remembered);
            }
            showDialog(question, pending);
        });
}

void GuiPrompter::showDialog(const Question &question, const PendingPtr &pending)
{
    if (!m_parent)
        return resolve(pending, std::nullopt);
    const QString key = m_keys.value(question.host);
    auto *dialog = new PasswordDialog(question, isPassword(question) && !key.isEmpty(), m_parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::finished, dialog, [this, dialog, question, pending, key](int result) {
        if (pending->answered)
            return;
        if (result != QDialog::Accepted)
            return resolve(pending, std::nullopt);
        const QString answer = dialog->answer();
        Redactor::instance().add(answer);
        if (isPassword(question))
            m_passwords.insert(question.host, answer);
        if (dialog->remember())
            SecretStore::write(key, answer);
        resolve(pending, answer);
    });
    dialog->open();
}

} // namespace Gantry
