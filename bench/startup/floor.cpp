// The floor of `scripts/bench startup`: QApplication, a QMainWindow with a
// label, and nothing else. Like engage-admin under
// ENGAGE_EXIT_AFTER_FIRST_PAINT, it prints one line once its window has
// painted for the first time, then quits.

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    QTextStream in(&status);
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine())
        if (line.startsWith(QLatin1String("VmRSS:")))
            return line.mid(6).trimmed().section(QLatin1Char(' '), 0, 0).toLongLong();
    return -1;
}

// Reports the first paint of the window once that frame has been handed over
// (queued, as MainWindow does).
class Window final : public QMainWindow
{
public:
    Window() { setCentralWidget(new QLabel(QStringLiteral("Hello"), this)); }

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_painted) {
            m_painted = true;
            QTimer::singleShot(0, this, [] {
                std::printf("first-paint rss=%lldKiB\n", residentKiB());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QMainWindow::event(event);
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    Window window;
    window.resize(1040, 700);
    window.show();
    return app.exec();
}
