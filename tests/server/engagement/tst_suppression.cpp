#include "engagement/suppression.h"

#include <QHash>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>

using namespace engage::server::engagement;

class TestSuppression final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data();
    void cases();
    void attackerTable_data();
    void attackerTable();
    void intersectionGrid_data();
    void intersectionGrid();
    void intersectionCases_data();
    void intersectionCases();
};

namespace {

// "R:30 P<R:20 A<P:18": id, parent after '<' (none for the root), respondents.
QList<SliceNode> family(const QString &spec)
{
    QList<SliceNode> nodes;
    for (const QString &part : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList idAndCount = part.split(QLatin1Char(':'));
        const QStringList idAndParent = idAndCount.at(0).split(QLatin1Char('<'));
        nodes.append({idAndParent.at(0), idAndParent.value(1), idAndCount.at(1).toLongLong()});
    }
    return nodes;
}

QSet<QString> idSet(const QString &ids)
{
    const QStringList list = ids.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return QSet<QString>(list.cbegin(), list.cend());
}

QString describe(const QSet<QString> &ids)
{
    QStringList sorted(ids.cbegin(), ids.cend());
    sorted.sort();
    return sorted.join(QLatin1Char(' '));
}

bool isolates(qint64 count, int threshold)
{
    return count > 0 && count < threshold;
}

// The attacker: written apart from the implementation, by ancestry rather
// than by walking down. For a shown node, its frontier is every shown
// descendant with only withheld nodes between them; subtracting the
// frontier, or any one shown descendant, must isolate nobody. Returns what
// it found, empty when the family is safe.
QStringList attack(const QList<SliceNode> &nodes, const Suppression &suppression, int threshold)
{
    QHash<QString, QString> parentOf;
    QHash<QString, qint64> count;
    for (const SliceNode &node : nodes) {
        parentOf.insert(node.id, node.parentId);
        count.insert(node.id, node.respondents);
    }
    // The nodes strictly between `descendant` and `ancestor`, or nothing
    // when `ancestor` is not above it.
    const auto between = [&parentOf](const QString &descendant,
                                     const QString &ancestor) -> std::optional<QStringList> {
        QStringList path;
        QString at = parentOf.value(descendant);
        while (!at.isEmpty() && at != ancestor) {
            path.append(at);
            at = parentOf.value(at);
        }
        if (at != ancestor)
            return std::nullopt;
        return path;
    };
    QStringList found;
    for (const SliceNode &node : nodes) {
        if (suppression.withheld(node.id)) {
            if (isolates(node.respondents, threshold) && !suppression.primary.contains(node.id))
                found.append(node.id + QStringLiteral(" isolates but is not primary"));
            continue;
        }
        if (isolates(node.respondents, threshold))
            found.append(node.id + QStringLiteral(" isolates and is shown"));
        qint64 rest = node.respondents;
        for (const SliceNode &other : nodes) {
            if (other.id == node.id || suppression.withheld(other.id))
                continue;
            const std::optional<QStringList> path = between(other.id, node.id);
            if (!path)
                continue;
            if (isolates(node.respondents - other.respondents, threshold))
                found.append(node.id + QStringLiteral(" minus ") + other.id);
            if (std::all_of(path->cbegin(), path->cend(),
                            [&suppression](const QString &id) { return suppression.withheld(id); }))
                rest -= other.respondents;
        }
        if (isolates(rest, threshold))
            found.append(node.id + QStringLiteral(" minus its shown frontier"));
    }
    return found;
}

} // namespace

void TestSuppression::cases_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<QString>("primary");
    QTest::addColumn<QString>("complementary");

    // P - A = 2 reveals B: A goes and the department P keeps its score;
    // R - (P + C) = 0.
    QTest::newRow("parent minus one hidden child") << "R:30 P<R:20 A<P:18 B<P:2 C<R:10" << 5 << "B"
                                                   << "A";
    QTest::newRow("same at threshold 3") << "R:30 P<R:20 A<P:18 B<P:2 C<R:10" << 3 << "B"
                                         << "A";
    // The root itself minus its one shown child: that child goes instead.
    QTest::newRow("root minus one hidden child") << "R:20 A<R:18 B<R:2" << 5 << "B"
                                                 << "A";
    QTest::newRow("root minus a child of 3, threshold 3") << "R:20 A<R:17 B<R:3" << 3 << ""
                                                          << "";
    QTest::newRow("root minus a child of 3, threshold 5") << "R:20 A<R:17 B<R:3" << 5 << "B"
                                                          << "A";
    // Together the two hidden siblings are 5: safe; 4: not.
    QTest::newRow("two small siblings") << "R:30 A<R:25 B<R:3 C<R:2" << 5 << "B C"
                                        << "";
    QTest::newRow("two small siblings below the threshold together")
        << "R:29 A<R:25 B<R:2 C<R:2" << 5 << "B C"
        << "A";
    QTest::newRow("two small siblings under a department")
        << "R:40 P<R:30 A<P:25 B<P:3 C<P:2 D<R:10" << 5 << "B C"
        << "";
    // N - C = 1, its one direct member: C goes; R - (N + D) = 0.
    QTest::newRow("only child big, one direct member") << "R:50 N<R:21 C<N:20 D<R:29" << 5 << ""
                                                       << "C";
    // Every link of the chain has one direct member, the bottom one hidden.
    QTest::newRow("chain") << "R:12 A<R:11 B<A:10 C<B:9 D<C:1" << 5 << "D"
                           << "A B C";
    QTest::newRow("chain of threes, threshold 3") << "R:12 A<R:9 B<A:6 C<B:3" << 3 << ""
                                                  << "";
    // A - B = 3: B goes; then R - A = 3: A goes. Parents keep their scores,
    // at the price of one more hidden link than hiding A alone would take.
    QTest::newRow("chain of threes, threshold 5") << "R:12 A<R:9 B<A:6 C<B:3" << 5 << "C"
                                                  << "A B";
    QTest::newRow("nobody answered") << "R:10 A<R:0 B<R:10" << 5 << ""
                                     << "";
    QTest::newRow("root below the threshold") << "R:4 A<R:4" << 5 << "A R"
                                              << "";
    QTest::newRow("values of an attribute") << "G:40 v1<G:20 v2<G:17 v3<G:3" << 5 << "v3"
                                            << "v2";
    QTest::newRow("ties by id") << "R:20 B<R:9 A<R:9 C<R:1" << 5 << "C"
                                << "A";
    // A hidden grandchild with nothing below it hides nothing else.
    QTest::newRow("hidden leaf under shown nodes")
        << "R:40 P<R:25 Q<P:20 Q1<Q:2 S<R:15" << 5 << "Q1"
        << "";
}

void TestSuppression::cases()
{
    QFETCH(QString, spec);
    QFETCH(int, threshold);
    QFETCH(QString, primary);
    QFETCH(QString, complementary);
    const QList<SliceNode> nodes = family(spec);
    const Suppression suppression = suppressFamily(nodes, threshold);
    QCOMPARE(describe(suppression.primary), describe(idSet(primary)));
    QCOMPARE(describe(suppression.complementary), describe(idSet(complementary)));
    QCOMPARE(attack(nodes, suppression, threshold), QStringList());
}

void TestSuppression::attackerTable_data()
{
    QTest::addColumn<int>("threshold");
    QTest::newRow("threshold 3") << 3;
    QTest::newRow("threshold 5") << 5;
    QTest::newRow("threshold 10") << 10;
}

// Many random organisations, mostly small groups, as a heatmap shows them:
// each node's count is its subtree's. Nothing an attacker subtracts may
// isolate fewer people than the threshold, the root that has enough is
// never hidden, and the order of the input does not matter.
void TestSuppression::attackerTable()
{
    QFETCH(int, threshold);
    QRandomGenerator random(quint32(20240600 + threshold));
    constexpr int kFamilies = 3000;
    const qint64 sizes[] = {0, 1, 1, 2, 2, 3, 4, 5, 6, 8, 12, 20, 45};
    int withheldSome = 0;
    for (int f = 0; f < kFamilies; ++f) {
        const int size = random.bounded(1, 24);
        QList<int> parent{-1};
        QList<qint64> direct{sizes[random.bounded(int(std::size(sizes)))]};
        for (int i = 1; i < size; ++i) {
            // Deep chains as often as wide fans.
            parent.append(random.bounded(2) ? i - 1 : random.bounded(i));
            direct.append(sizes[random.bounded(int(std::size(sizes)))]);
        }
        QList<qint64> subtree = direct;
        for (int i = size - 1; i > 0; --i)
            subtree[parent[i]] += subtree[i];
        QList<SliceNode> nodes;
        for (int i = 0; i < size; ++i) {
            nodes.append({QStringLiteral("g%1").arg(i),
                          i == 0 ? QString() : QStringLiteral("g%1").arg(parent[i]), subtree[i]});
        }
        const Suppression suppression = suppressFamily(nodes, threshold);
        const QStringList found = attack(nodes, suppression, threshold);
        QVERIFY2(found.isEmpty(),
                 qPrintable(
                     QStringLiteral("family %1: %2").arg(f).arg(found.join(QStringLiteral(", ")))));
        QVERIFY(!suppression.primary.intersects(suppression.complementary));
        if (subtree[0] >= threshold)
            QVERIFY(!suppression.withheld(nodes.at(0).id));
        withheldSome += suppression.complementary.isEmpty() ? 0 : 1;

        QList<SliceNode> shuffled = nodes.mid(1);
        std::shuffle(shuffled.begin(), shuffled.end(), random);
        shuffled.prepend(nodes.at(0));
        const Suppression again = suppressFamily(shuffled, threshold);
        QCOMPARE(describe(again.primary), describe(suppression.primary));
        QCOMPARE(describe(again.complementary), describe(suppression.complementary));
    }
    // The table is an attack only if complementary suppression had work to do.
    QVERIFY2(withheldSome > kFamilies / 10, qPrintable(QString::number(withheldSome)));
}

void TestSuppression::intersectionGrid_data()
{
    attackerTable_data();
}

// Every A, B and A-and-B of up to 14 people: when the intersection is shown,
// the attacker's A minus it, B minus it and the intersection itself each
// isolate nobody; when it is withheld, one of them would have.
void TestSuppression::intersectionGrid()
{
    QFETCH(int, threshold);
    for (qint64 a = 0; a <= 14; ++a) {
        for (qint64 b = 0; b <= 14; ++b) {
            for (qint64 both = 0; both <= std::min(a, b); ++both) {
                const bool revealing = isolates(both, threshold) || isolates(a - both, threshold) ||
                                       isolates(b - both, threshold);
                QVERIFY2(intersectionShown(both, a, b, threshold) == !revealing,
                         qPrintable(QStringLiteral("A %1, B %2, both %3").arg(a).arg(b).arg(both)));
            }
        }
    }
}

void TestSuppression::intersectionCases_data()
{
    QTest::addColumn<qint64>("both");
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("shown");

    QTest::newRow("A minus one") << qint64(9) << qint64(10) << qint64(30) << false;
    QTest::newRow("all of A") << qint64(10) << qint64(10) << qint64(30) << true;
    QTest::newRow("both differences large") << qint64(10) << qint64(15) << qint64(15) << true;
    QTest::newRow("B minus four") << qint64(10) << qint64(15) << qint64(14) << false;
    QTest::newRow("too small itself") << qint64(4) << qint64(20) << qint64(20) << false;
    QTest::newRow("nobody in both") << qint64(0) << qint64(20) << qint64(20) << true;
    QTest::newRow("more than A") << qint64(11) << qint64(10) << qint64(30) << false;
    QTest::newRow("negative") << qint64(-1) << qint64(10) << qint64(30) << false;
    QTest::newRow("large") << qint64(1000000) << qint64(1000005) << qint64(2000000) << true;
}

void TestSuppression::intersectionCases()
{
    QFETCH(qint64, both);
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, shown);
    QCOMPARE(intersectionShown(both, a, b, 5), shown);
    QCOMPARE(intersectionShown(both, b, a, 5), shown);
}

QTEST_APPLESS_MAIN(TestSuppression)
#include "tst_suppression.moc"
