#pragma once

#include "exportplan.h"
#include "tablefilewriter.h"

#include <QByteArray>
#include <QFile>

namespace engage::models {

// A plan's one sheet as CSV (see ModelExporter::startCsv). Internal to the
// export engine.
class CsvFileWriter final : public TableFileWriter
{
public:
    explicit CsvFileWriter(const WorkbookPlan &plan);

    bool open(const QString &path) override;
    bool writeRow(int sheet, const QVariant *cells) override;
    bool close() override;
    QString error() const override { return m_error; }

private:
    void append(const QStringList &fields);
    bool flush();

    const SheetPlan &m_sheet;
    QFile m_file;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace engage::models
