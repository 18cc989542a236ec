#include "dashboardtext.h"

#include "scoreroles.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QLocale>
#include <utility>

namespace engage::models {

namespace {

// Watches the application for QEvent::LanguageChange on behalf of a model,
// which (unlike a widget) is not sent one.
class LanguageFollower final : public QObject
{
public:
    LanguageFollower(QObject *owner, std::function<void()> retranslate)
        : QObject(owner)
        , m_retranslate(std::move(retranslate))
    {
        if (QCoreApplication *application = QCoreApplication::instance())
            application->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::LanguageChange)
            m_retranslate();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_retranslate;
};

void announceBelow(QAbstractItemModel &model, const QModelIndex &parent)
{
    const int rows = model.rowCount(parent);
    const int columns = model.columnCount(parent);
    if (rows == 0 || columns == 0)
        return;
    Q_EMIT model.dataChanged(model.index(0, 0, parent), model.index(rows - 1, columns - 1, parent));
    for (int row = 0; row < rows; ++row)
        announceBelow(model, model.index(row, 0, parent));
}

} // namespace

bool DashboardText::japaneseUi()
{
    return QLocale().language() == QLocale::Japanese;
}

QString DashboardText::noValue()
{
    return QString(QChar(0x2014)); // em dash
}

QString DashboardText::formatRate(const api::ResponseRate &rate)
{
    if (!rate.rate)
        return noValue();
    //: A response rate, e.g. "82.5%"; %1 is the number in the UI language.
    return tr("%1%").arg(QLocale().toString(*rate.rate, 'f', 1));
}

QString DashboardText::rateExplanation(const api::ResponseRate &rate)
{
    if (rate.targets == 0)
        return tr("Nobody was invited to this round.");
    //: %1 respondents of %2 members invited to the round.
    return tr("%1 of %Ln invited member(s) answered.", nullptr,
              int(std::min<qint64>(rate.targets, INT_MAX)))
        .arg(QLocale().toString(rate.respondents));
}

QVariant DashboardText::rateData(const api::ResponseRate &rate, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return formatRate(rate);
    case Qt::ToolTipRole:
        return rateExplanation(rate);
    case Qt::TextAlignmentRole:
        return alignedNumber();
    case ScoreValueRole:
        return rate.rate ? QVariant(*rate.rate) : QVariant();
    case RespondentsRole:
        return rate.respondents;
    default:
        return {};
    }
}

QVariant DashboardText::alignedNumber()
{
    return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
}

namespace slicetable {

std::optional<api::Factor> factorOf(int column)
{
    const int index = column - kFirstScoreColumn;
    if (index < 0 || index >= api::kFactorCount)
        return std::nullopt;
    return api::allFactors().at(index);
}

QVariant cellData(const api::ResponseRate &rate, const QList<api::Score> &cells, int threshold,
                  int column, int role, const QVariant &scoreId)
{
    if (column == kRateColumn)
        return DashboardText::rateData(rate, role);
    const int index = column - kFirstScoreColumn;
    if (index < 0 || index >= cells.size())
        return {};
    if (role == ScoreIdRole)
        return scoreId;
    return scoreData(cells.at(index), threshold, role);
}

QVariant headerData(int section, int role, const QString &labelTitle)
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (section == kLabelColumn)
        return labelTitle;
    if (section == kRateColumn)
        return role == Qt::DisplayRole ? DashboardText::tr("Response rate")
                                       : DashboardText::tr("Members who answered the round, "
                                                           "of those invited.");
    if (const std::optional<api::Factor> factor = factorOf(section))
        return factorName(*factor);
    return {};
}

std::optional<double> sortKey(const api::ResponseRate &rate, const QList<api::Score> &cells,
                              int column)
{
    if (column == kRateColumn)
        return rate.rate;
    const int index = column - kFirstScoreColumn;
    if (index < 0 || index >= cells.size())
        return std::nullopt;
    return cells.at(index).value;
}

} // namespace slicetable

void followLanguage(QObject *owner, std::function<void()> retranslate)
{
    new LanguageFollower(owner, std::move(retranslate));
}

void announceRetranslation(QAbstractItemModel &model)
{
    const int columns = model.columnCount();
    if (columns > 0)
        Q_EMIT model.headerDataChanged(Qt::Horizontal, 0, columns - 1);
    announceBelow(model, QModelIndex());
}

} // namespace engage::models
