#pragma once

#include <QString>
#include <QVariant>

namespace engage::models {

// Writes a WorkbookPlan's rows to a file on the worker thread: open(), rows
// sheet by sheet in order (a sheet without rows gets none), close(). After a
// false, error() says why (in English, for the log and a message's detail)
// and the writer takes no more calls. Destroying a writer that was not
// closed abandons its output. Internal to the export engine.
class TableFileWriter
{
public:
    TableFileWriter() = default;
    TableFileWriter(const TableFileWriter &) = delete;
    TableFileWriter &operator=(const TableFileWriter &) = delete;
    virtual ~TableFileWriter() = default;

    virtual bool open(const QString &path) = 0;
    // `cells`: the sheet's columnCount() values, as the model gave them.
    virtual bool writeRow(int sheet, const QVariant *cells) = 0;
    virtual bool close() = 0;
    virtual QString error() const = 0;
};

} // namespace engage::models
