#pragma once

#include <map>
#include <memory>

#include <QWidget>

#include "core/monitor/logstream.h"
#include "core/remote/hosttask.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QTreeView;

namespace Gantry {

class ErrorPanel;
class GuiPrompter;
class LogFilterProxyModel;
class LogModel;
class ServerListModel;
class Workspace;

// The live journal of a project's service on some servers, merged by time: a level filter
// (warnings and worse at first), a time window, a plain or regex search, pause and follow, and
// an export of the lines shown. Lines are added to the view in batches every 100 ms.
class LogsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogsPage)
public:
    enum class StreamState { Connecting, Streaming, Stopped, Failed };

    explicit LogsPage(Workspace *workspace, QWidget *parent = nullptr);
    ~LogsPage() override;

    void setProject(const QString &name); // also when the project is new in the workspace
    void reloadServers();
    // Picks `project` and only `server`, and streams its service (the Health page's "Open logs").
    void showService(const QString &project, const QString &server);
    // Where streams deliver their lines; shown at the next flush, within 100 ms.
    void addLines(const QList<LogLine> &lines);

    void start();
    void stop();
    void exportLines(); // asks for a file, then writes the lines shown
    void setPaused(bool paused);
    void setFollowing(bool follow);

    QString project() const;
    QString unit() const; // "gantry-<app>.service"; empty without a project
    bool isStreaming() const; // some stream connects or streams
    StreamState streamState(const QString &server) const;
    LogModel *model() const { return m_model; }
    LogFilterProxyModel *proxy() const { return m_proxy; }
    ServerListModel *serversModel() const { return m_servers; }
    QTreeView *view() const { return m_view; }
    QString statusText() const;
    QString searchError() const;
    bool isAtBottom() const;

signals:
    void flushed();
    void exported(bool success);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Stream {
        std::unique_ptr<LogStream> stream;
        StreamState state = StreamState::Connecting;
        HostConnection connection;
    };

    QWidget *createSourceBox();
    QWidget *createFilterRow();
    QWidget *createViewArea();
    QWidget *createViewActions(); // under the view
    void reloadProjects();
    void startStream(const QString &server, HostConnection connection);
    void onStreamFinished(const QString &server, const Error &error);
    void flush();
    void applyLevel();
    void applyTimeWindow();
    void applySearch();
    void writeExport(const QString &path);
    void updateButtons();
    void updateStatus();
    void seedForScreenshots(const QString &file);

    Workspace *m_workspace = nullptr;
    std::shared_ptr<GuiPrompter> m_prompter;
    LogModel *m_model = nullptr;
    LogFilterProxyModel *m_proxy = nullptr;
    ServerListModel *m_servers = nullptr;
    std::map<QString, Stream> m_streams;
    QList<LogLine> m_pending;
    bool m_paused = false;

    QComboBox *m_projectCombo = nullptr;
    QTreeView *m_serversView = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QComboBox *m_levelCombo = nullptr;
    QComboBox *m_timeCombo = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QCheckBox *m_regexCheck = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QCheckBox *m_followCheck = nullptr;
    QPushButton *m_exportButton = nullptr;
    QLabel *m_searchError = nullptr;
    QLabel *m_emptyHint = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_status = nullptr;
    ErrorPanel *m_error = nullptr;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_searchTimer = nullptr;
    QTimer *m_windowTimer = nullptr;
};

} // namespace Gantry
