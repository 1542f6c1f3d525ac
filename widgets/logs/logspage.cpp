#include "widgets/logs/logspage.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "core/store/workspace.h"
#include "widgets/common/errorpanel.h"
#include "widgets/common/filedialogs.h"
#include "widgets/logs/logfilterproxymodel.h"
#include "widgets/logs/logmodel.h"
#include "widgets/servers/guiprompter.h"
#include "widgets/servers/hostkeyquestion.h"
#include "widgets/servers/serverlistmodel.h"

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Gantry {

namespace {

constexpr int HistoryLines = 200; // shown from before the start, then new lines follow
constexpr auto FlushInterval = 100ms;
constexpr auto WindowStep = 1s; // how often a time window moves on when no line arrives

} // namespace

LogsPage::LogsPage(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_prompter(std::make_shared<GuiPrompter>(this))
    , m_model(new LogModel(this))
    , m_proxy(new LogFilterProxyModel(m_model, this))
    , m_servers(new ServerListModel(this))
    , m_flushTimer(new QTimer(this))
    , m_searchTimer(new QTimer(this))
    , m_windowTimer(new QTimer(this))
{
    m_servers->setCheckable(true);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(FlushInterval);
    connect(m_flushTimer, &QTimer::timeout, this, &LogsPage::flush);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(250ms); // a search runs over up to a million lines: not on every key
    connect(m_searchTimer, &QTimer::timeout, this, &LogsPage::applySearch);
    m_windowTimer->setInterval(WindowStep); // runs only while a window is chosen: idle otherwise
    connect(m_windowTimer, &QTimer::timeout, this, &LogsPage::applyTimeWindow);
    auto *layout = new QVBoxLayout(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(createSourceBox());
    split->addWidget(createViewArea());
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    layout->addWidget(split, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(u"logsStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);
    m_error = new ErrorPanel(this);
    m_error->setObjectName(u"logsError"_s);
    layout->addWidget(m_error);
    connect(m_servers, &ServerListModel::checkedChanged, this, [this] {
        const QStringList checked = m_servers->checkedNames();
        m_proxy->setServers(QSet<QString>(checked.begin(), checked.end()));
        updateButtons();
    });
    setEnabled(workspace != nullptr);
    reloadProjects();
    reloadServers();
    updateStatus();
    // scripts/screenshots.sh shows the page with lines: it has no server to stream from.
    if (const QString seed = qEnvironmentVariable("GANTRY_SCREENSHOT_LOGS"); !seed.isEmpty())
        QTimer::singleShot(0, this, [this, seed] { seedForScreenshots(seed); });
}

LogsPage::~LogsPage()
{
    // Workers blocked on a question are released first, then joined.
    m_prompter->declineAll();
    m_streams.clear();
}

QWidget *LogsPage::createSourceBox()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_projectCombo = new QComboBox(box);
    m_projectCombo->setObjectName(u"logsProjectCombo"_s);
    m_projectCombo->setToolTip(tr("The project whose service's log to show"));
    connect(m_projectCombo, &QComboBox::currentIndexChanged, this, [this] {
        stop();
        updateButtons();
        updateStatus();
    });
    m_projectCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_projectCombo->setMinimumContentsLength(8);
    form->addRow(tr("Pro&ject:"), m_projectCombo);
    column->addLayout(form);
    auto *serversBox = new QGroupBox(tr("S&ervers"), box);
    auto *serversLayout = new QVBoxLayout(serversBox);
    m_serversView = new QTreeView(serversBox);
    m_serversView->setObjectName(u"logsServersView"_s);
    m_serversView->setRootIsDecorated(false);
    m_serversView->setModel(m_servers);
    for (int c = ServerListModel::LoginColumn; c < ServerListModel::ColumnCount; ++c)
        m_serversView->setColumnHidden(c, true);
    m_serversView->setHeaderHidden(true);
    m_serversView->setToolTip(tr("Tick the servers whose log to stream and show"));
    serversLayout->addWidget(m_serversView);
    column->addWidget(serversBox, 1);
    auto *buttons = new QHBoxLayout;
    m_startButton = new QPushButton(tr("&Start"), box);
    m_startButton->setObjectName(u"startLogsButton"_s);
    m_startButton->setToolTip(
        tr("Show the last %n line(s) of each ticked server, then follow new ones", nullptr, HistoryLines));
    connect(m_startButton, &QPushButton::clicked, this, &LogsPage::start);
    m_stopButton = new QPushButton(tr("S&top"), box);
    m_stopButton->setObjectName(u"stopLogsButton"_s);
    m_stopButton->setToolTip(tr("Stop streaming; the lines received stay"));
    connect(m_stopButton, &QPushButton::clicked, this, &LogsPage::stop);
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    column->addLayout(buttons);
    return box;
}

QWidget *LogsPage::createFilterRow()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_levelCombo = new QComboBox(box);
    m_levelCombo->setObjectName(u"logsLevelCombo"_s);
    m_levelCombo->setToolTip(tr("The least severe level shown"));
    m_levelCombo->addItem(tr("All levels"), int(LogLevel::Unknown));
    m_levelCombo->addItem(tr("Debug and above"), int(LogLevel::Debug));
    m_levelCombo->addItem(tr("Info and above"), int(LogLevel::Info));
    m_levelCombo->addItem(tr("Warning and above"), int(LogLevel::Warning));
    m_levelCombo->addItem(tr("Error and above"), int(LogLevel::Error));
    m_levelCombo->addItem(tr("Fatal only"), int(LogLevel::Fatal));
    m_levelCombo->setCurrentIndex(m_levelCombo->findData(int(m_proxy->minimumLevel())));
    connect(m_levelCombo, &QComboBox::currentIndexChanged, this, &LogsPage::applyLevel);
    m_timeCombo = new QComboBox(box);
    m_timeCombo->setObjectName(u"logsTimeCombo"_s);
    m_timeCombo->setToolTip(tr("How far back to show lines"));
    m_timeCombo->addItem(tr("Last 15 minutes"), 15 * 60);
    m_timeCombo->addItem(tr("Last hour"), 3600);
    m_timeCombo->addItem(tr("Last 6 hours"), 6 * 3600);
    m_timeCombo->addItem(tr("Last 24 hours"), 24 * 3600);
    m_timeCombo->addItem(tr("Everything"), 0);
    m_timeCombo->setCurrentIndex(m_timeCombo->count() - 1);
    connect(m_timeCombo, &QComboBox::currentIndexChanged, this, &LogsPage::applyTimeWindow);
    m_searchEdit = new QLineEdit(box);
    m_searchEdit->setObjectName(u"logsSearchEdit"_s);
    m_searchEdit->setPlaceholderText(tr("Search messages"));
    m_searchEdit->setClearButtonEnabled(true);
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    m_regexCheck = new QCheckBox(tr("Rege&x"), box);
    m_regexCheck->setObjectName(u"logsRegexCheck"_s);
    m_regexCheck->setToolTip(tr("Search with a regular expression (any case)"));
    connect(m_regexCheck, &QCheckBox::toggled, this, &LogsPage::applySearch);
    m_pauseButton = new QPushButton(tr("&Pause"), box);
    m_pauseButton->setObjectName(u"logsPauseButton"_s);
    m_pauseButton->setCheckable(true);
    m_pauseButton->setToolTip(tr("Hold the view still; new lines are still received"));
    connect(m_pauseButton, &QPushButton::toggled, this, &LogsPage::setPaused);
    m_followCheck = new QCheckBox(tr("&Follow"), box);
    m_followCheck->setObjectName(u"logsFollowCheck"_s);
    m_followCheck->setChecked(true);
    m_followCheck->setToolTip(tr("Scroll to new lines while the view is at the bottom"));
    connect(m_followCheck, &QCheckBox::toggled, this, &LogsPage::setFollowing);
    m_exportButton = new QPushButton(tr("Exp&ort…"), box);
    m_exportButton->setObjectName(u"logsExportButton"_s);
    m_exportButton->setToolTip(tr("Save the lines shown to a text file"));
    connect(m_exportButton, &QPushButton::clicked, this, &LogsPage::exportLines);
    row->addWidget(m_levelCombo);
    row->addWidget(m_timeCombo);
    row->addWidget(m_searchEdit, 1);
    row->addWidget(m_regexCheck);
    return box;
}

QWidget *LogsPage::createViewActions()
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_pauseButton);
    row->addWidget(m_followCheck);
    row->addStretch(1);
    row->addWidget(m_exportButton);
    return box;
}

QWidget *LogsPage::createViewArea()
{
    auto *box = new QWidget(this);
    auto *column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(createFilterRow());
    m_searchError = new QLabel(box);
    m_searchError->setObjectName(u"logsSearchError"_s);
    m_searchError->setWordWrap(true);
    m_searchError->setStyleSheet(ErrorPanel::errorTextStyle());
    m_searchError->hide();
    column->addWidget(m_searchError);
    m_emptyHint = new QLabel(box);
    m_emptyHint->setObjectName(u"logsEmptyHint"_s);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setText(tr("No lines yet. Pick a project and its servers, then press Start: the last %n "
                            "line(s) of each server appear, then new ones as they are written. Warnings and "
                            "worse are shown at first; pick All levels to see every line.",
        nullptr, HistoryLines));
    column->addWidget(m_emptyHint);
    m_view = new QTreeView(box);
    m_view->setObjectName(u"logsView"_s);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // a million rows: no per-row height
    m_view->setAlternatingRowColors(true);
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    const int digit = fontMetrics().horizontalAdvance(u'0');
    header->resizeSection(
        LogModel::TimeColumn, fontMetrics().horizontalAdvance(LogModel::timeText(0)) + digit * 2);
    header->resizeSection(LogModel::ServerColumn, digit * 9);
    header->resizeSection(LogModel::ServiceColumn, digit * 11);
    header->resizeSection(LogModel::LevelColumn, digit * 10);
    column->addWidget(m_view, 1);
    column->addWidget(createViewActions());
    return box;
}

void LogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Lines may have come while the page was hidden, where the view could not scroll.
    if (m_followCheck->isChecked() && !m_paused)
        m_view->scrollToBottom();
}

// ---- project and servers

void LogsPage::reloadProjects()
{
    const QString current = project();
    const QSignalBlocker blocker(m_projectCombo);
    m_projectCombo->clear();
    if (m_workspace)
        for (const ProjectRecord &p : m_workspace->projects().value_or(QList<ProjectRecord>()))
            m_projectCombo->addItem(p.name);
    m_projectCombo->setCurrentIndex(std::max(0, m_projectCombo->findText(current)));
}

void LogsPage::setProject(const QString &name)
{
    reloadProjects();
    m_projectCombo->setCurrentIndex(m_projectCombo->findText(name));
    updateButtons();
    updateStatus();
}

QString LogsPage::project() const
{
    return m_projectCombo->currentText();
}

QString LogsPage::unit() const
{
    if (!m_workspace || project().isEmpty())
        return {};
    auto record = m_workspace->project(project());
    if (!record)
        return {};
    return u"gantry-"_s + record->appName() + u".service"_s;
}

void LogsPage::reloadServers()
{
    const QStringList checked = m_servers->checkedNames();
    const QList<ServerRecord> servers =
        m_workspace ? m_workspace->servers().value_or(QList<ServerRecord>()) : QList<ServerRecord>();
    m_servers->setServers(servers);
    for (const QString &name : checked)
        m_servers->setChecked(name, true);
    if (servers.size() == 1)
        m_servers->setChecked(servers.first().name, true);
    updateButtons();
}

void LogsPage::showService(const QString &project, const QString &server)
{
    stop();
    setProject(project);
    reloadServers();
    for (const QString &name : m_servers->checkedNames())
        m_servers->setChecked(name, false);
    m_servers->setChecked(server, true);
    start();
}

// ---- streams

void LogsPage::start()
{
    if (isStreaming() || project().isEmpty() || m_servers->checkedNames().isEmpty())
        return;
    m_prompter->declineAll();
    m_streams.clear(); // ended and failed ones
    m_prompter = std::make_shared<GuiPrompter>(this); // the last one may have declined everything
    m_error->clear();
    for (const QString &name : m_servers->checkedNames()) {
        auto record = m_workspace->server(name);
        if (!record) {
            m_error->showError(record.error());
            continue;
        }
        HostConnection connection = m_prompter->connectionTo(*m_workspace, *record);
        connection.keepAlive = m_prompter; // a stopped stream's worker may still ask it (declined)
        startStream(name, connection);
    }
    updateButtons();
    updateStatus();
}

void LogsPage::startStream(const QString &server, HostConnection connection)
{
    LogStreamQuery query;
    query.units = { unit() };
    query.follow = true;
    query.lines = HistoryLines;
    Stream &s = m_streams[server];
    s.connection = connection;
    s.state = StreamState::Connecting;
    s.stream = std::make_unique<LogStream>(std::move(connection), query);
    connect(s.stream.get(), &LogStream::linesReady, this, [this, server](const QList<LogLine> &lines) {
        if (auto it = m_streams.find(server);
            it != m_streams.end() && it->second.state != StreamState::Streaming) {
            it->second.state = StreamState::Streaming;
            updateStatus();
        }
        addLines(lines);
    });
    connect(s.stream.get(), &LogStream::finished, this,
        [this, server](const Error &error) { onStreamFinished(server, error); });
    s.stream->start();
}

void LogsPage::onStreamFinished(const QString &server, const Error &error)
{
    auto it = m_streams.find(server);
    if (it == m_streams.end())
        return;
    const QString fingerprint = HostKeyQuestion::unknownFingerprint(error);
    if (!fingerprint.isEmpty()) {
        HostKeyQuestion::ask(this, HostKeyQuestion::serverOf(it->second.connection, error), fingerprint,
            [this, server, fingerprint, error](bool trusted) {
                auto again = m_streams.find(server);
                if (again == m_streams.end())
                    return;
                if (!trusted)
                    return onStreamFinished(server, Error { error.message, error.hint, {} });
                HostConnection c = again->second.connection;
                c.policy.trusted << fingerprint;
                startStream(server, c);
                updateStatus();
            });
        return;
    }
    it->second.state = error.message.isEmpty() ? StreamState::Stopped : StreamState::Failed;
    if (!error.message.isEmpty())
        m_error->showError(Error { tr("%1: %2").arg(server, error.message), error.hint, error.cause });
    updateButtons();
    updateStatus();
}

void LogsPage::stop()
{
    if (m_streams.empty())
        return;
    m_prompter->declineAll(); // a stopped worker waiting for a password is answered: no
    m_streams.clear(); // each LogStream stops; none is waited for
    flush();
    updateButtons();
    updateStatus();
}

bool LogsPage::isStreaming() const
{
    return std::ranges::any_of(m_streams, [](const auto &entry) {
        return entry.second.state == StreamState::Connecting || entry.second.state == StreamState::Streaming;
    });
}

LogsPage::StreamState LogsPage::streamState(const QString &server) const
{
    const auto it = m_streams.find(server);
    return it == m_streams.end() ? StreamState::Stopped : it->second.state;
}

// ---- lines

void LogsPage::addLines(const QList<LogLine> &lines)
{
    m_pending += lines;
    if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

bool LogsPage::isAtBottom() const
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogsPage::flush()
{
    if (m_timeCombo->currentData().toInt() > 0)
        applyTimeWindow(); // the window moves with the clock
    if (!m_pending.isEmpty()) {
        const bool follow = m_followCheck->isChecked() && !m_paused && isAtBottom();
        // Lines dropped from the front or merged in above would move what the reader looks at.
        const QPersistentModelIndex top = m_view->indexAt(QPoint(1, 1));
        m_model->appendLines(m_pending);
        m_pending.clear();
        if (follow)
            m_view->scrollToBottom();
        else if (top.isValid())
            m_view->scrollTo(top, QAbstractItemView::PositionAtTop);
    }
    m_emptyHint->setVisible(m_model->rowCount() == 0);
    updateStatus();
    emit flushed();
}

void LogsPage::setPaused(bool paused)
{
    m_paused = paused;
    const QSignalBlocker blocker(m_pauseButton);
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resu&me") : tr("&Pause"));
    if (!paused && m_followCheck->isChecked())
        m_view->scrollToBottom();
    updateStatus();
}

void LogsPage::setFollowing(bool follow)
{
    const QSignalBlocker blocker(m_followCheck);
    m_followCheck->setChecked(follow);
    if (follow && !m_paused)
        m_view->scrollToBottom();
}

void LogsPage::applyLevel()
{
    m_proxy->setMinimumLevel(LogLevel(m_levelCombo->currentData().toInt()));
    if (m_followCheck->isChecked() && !m_paused)
        m_view->scrollToBottom();
    updateStatus();
}

void LogsPage::applyTimeWindow()
{
    const qint64 seconds = m_timeCombo->currentData().toLongLong();
    if (seconds > 0 && !m_windowTimer->isActive())
        m_windowTimer->start();
    else if (seconds <= 0)
        m_windowTimer->stop();
    m_proxy->setSince(seconds > 0 ? (QDateTime::currentMSecsSinceEpoch() - seconds * 1000) * 1000 : 0);
    updateStatus();
}

void LogsPage::applySearch()
{
    m_searchTimer->stop();
    const Result<void> applied = m_proxy->setSearch(m_searchEdit->text(), m_regexCheck->isChecked());
    m_searchError->setVisible(!applied);
    m_searchError->setText(applied ? QString() : applied.error().message + u' ' + applied.error().hint);
    if (applied && m_followCheck->isChecked() && !m_paused)
        m_view->scrollToBottom();
    updateStatus();
}

QString LogsPage::searchError() const
{
    return m_searchError->isVisible() ? m_searchError->text() : QString();
}

// ---- export

void LogsPage::exportLines()
{
    flush();
    const QString name = u"%1-logs-%2.txt"_s.arg(project().isEmpty() ? u"gantry"_s : project(),
        QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s));
    FileDialogs::chooseFileToSave(this, tr("Export Log Lines"), QDir::home().filePath(name),
        tr("Text files (*.txt);;All files (*)"), [this](const QString &path) { writeExport(path); });
}

void LogsPage::writeExport(const QString &path)
{
    QSaveFile file(path);
    Result<qint64> written = file.open(QIODevice::WriteOnly | QIODevice::Text)
        ? m_proxy->writeLines(file)
        : fail(tr("%1 could not be created: %2.").arg(QDir::toNativeSeparators(path), file.errorString()),
              tr("Choose a folder you can write to."));
    if (written && !file.commit())
        written =
            fail(tr("%1 could not be saved: %2.").arg(QDir::toNativeSeparators(path), file.errorString()),
                tr("Choose a folder you can write to, with free space."));
    if (!written) {
        m_error->showError(written.error());
        emit exported(false);
        return;
    }
    m_error->showNote(
        tr("Exported %n line(s) to %1.", nullptr, int(*written)).arg(QDir::toNativeSeparators(path)));
    emit exported(true);
}

// ---- state

void LogsPage::updateButtons()
{
    const bool chosen = !project().isEmpty() && !m_servers->checkedNames().isEmpty();
    m_startButton->setEnabled(chosen && !isStreaming());
    m_stopButton->setEnabled(isStreaming());
}

void LogsPage::updateStatus()
{
    const QLocale locale;
    QStringList parts;
    parts << tr("%1 lines kept, %2 shown.")
                 .arg(locale.toString(m_model->rowCount()), locale.toString(m_proxy->rowCount()));
    for (const auto &[server, s] : m_streams) {
        switch (s.state) {
        case StreamState::Connecting:
            parts << tr("%1: connecting…").arg(server);
            break;
        case StreamState::Streaming:
            parts << tr("%1: streaming.").arg(server);
            break;
        case StreamState::Stopped:
            parts << tr("%1: the stream ended.").arg(server);
            break;
        case StreamState::Failed:
            parts << tr("%1: failed (see below).").arg(server);
            break;
        }
    }
    if (m_streams.empty())
        parts << (project().isEmpty() ? tr("Open a project on the Projects page to see its service's log.")
                                      : tr("Not streaming %1.").arg(unit()));
    if (m_paused)
        parts << tr("Paused: new lines are kept but the view holds still.");
    m_status->setText(parts.join(u' '));
}

QString LogsPage::statusText() const
{
    return m_status->text();
}

// Lines as "server<TAB>journalctl JSON", for screenshots of a page with content and no server.
void LogsPage::seedForScreenshots(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QList<LogLine> lines;
    while (!file.atEnd()) {
        const QByteArray row = file.readLine().trimmed();
        const qsizetype tab = row.indexOf('\t');
        if (tab <= 0)
            continue;
        if (auto parsed = LogStream::toLogLine(QString::fromUtf8(row.left(tab)), row.mid(tab + 1)))
            lines << *parsed;
    }
    addLines(lines);
}

} // namespace Gantry
