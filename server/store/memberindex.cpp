#include "memberindex.h"

#include "crypto/aead.h"
#include "keyring.h"
#include "memberrepository.h"
#include "rowsupport.h"

#include <QCollator>
#include <QCollatorSortKey>
#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QLocale>
#include <QMutexLocker>
#include <QReadLocker>
#include <QReadWriteLock>
#include <QWriteLocker>
#include <algorithm>
#include <vector>

namespace engage::server::store {

namespace {

const QString kCursorTable = QStringLiteral("member_cursor");
const QString kCursorColumn = QStringLiteral("position");

// Names sort as a Japanese reader expects (kana in gojūon order, kanji after);
// Latin names sort alphabetically under the same rules.
QCollator nameCollator()
{
    QCollator collator{QLocale(QLocale::Japanese, QLocale::Japan)};
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    return collator;
}

// What search compares: compatibility forms folded (full-width Latin,
// half-width katakana), case folded.
QString searchForm(const QString &text)
{
    return text.normalized(QString::NormalizationForm_KC).toCaseFolded();
}

// Family then given name; the space sorts before any letter, so "山田" comes
// before "山田川" whatever the given names.
QString sortName(const api::MemberFields &fields)
{
    return fields.familyName + u' ' + fields.givenName;
}

struct Entry
{
    QString id;
    QString search; // every searchable text, in searchForm, one per line
    QString name;   // sortName
    QCollatorSortKey nameKey;
    std::optional<QString> code;
    std::optional<QDate> hireDate;
    std::optional<QString> groupId;
    api::MemberStatus status = api::MemberStatus::Active;
    api::AttributeValues attributes;
};

Entry makeEntry(const api::Member &member, const QCollator &collator)
{
    const api::MemberFields &fields = member.fields;
    const QString family = fields.familyName;
    const QString given = fields.givenName;
    QStringList texts{family,         given,         family + u' ' + given, given + u' ' + family,
                      family + given, given + family};
    if (fields.employeeCode)
        texts.append(*fields.employeeCode);
    if (fields.email)
        texts.append(*fields.email);
    const QString name = sortName(fields);
    return Entry{member.id,
                 searchForm(texts.join(u'\n')),
                 name,
                 collator.sortKey(name),
                 fields.employeeCode,
                 fields.hireDate,
                 fields.groupId,
                 fields.status,
                 fields.attributes};
}

// The three orders, each total (the id breaks ties). Descending listings
// walk them backwards.
bool nameBefore(const Entry *a, const Entry *b)
{
    const int byName = a->nameKey.compare(b->nameKey);
    return byName != 0 ? byName < 0 : a->id < b->id;
}

// Members without a code (or a hire date) come last.
bool codeBefore(const Entry *a, const Entry *b)
{
    if (a->code.has_value() != b->code.has_value())
        return a->code.has_value();
    if (a->code && *a->code != *b->code)
        return *a->code < *b->code;
    return a->id < b->id;
}

bool hireBefore(const Entry *a, const Entry *b)
{
    if (a->hireDate.has_value() != b->hireDate.has_value())
        return a->hireDate.has_value();
    if (a->hireDate && *a->hireDate != *b->hireDate)
        return *a->hireDate < *b->hireDate;
    return a->id < b->id;
}

using Order = std::vector<const Entry *>;
using Before = bool (*)(const Entry *, const Entry *);

Before beforeFor(api::MemberSort sort)
{
    switch (sort) {
    case api::MemberSort::Name:
        return nameBefore;
    case api::MemberSort::EmployeeCode:
        return codeBefore;
    case api::MemberSort::HireDate:
        return hireBefore;
    }
    return nameBefore;
}

// Binds a cursor to its query: the search as it is matched, the filters, the
// sort and the groups that may be listed. A cursor made for another query
// does not open.
QString queryFingerprint(const api::MemberQuery &query, const QString &search,
                         const std::optional<QSet<QString>> &groupIds)
{
    QStringList parts{search,
                      query.status ? QString::number(static_cast<int>(*query.status)) : QString(),
                      query.attributeId.value_or(QString()),
                      query.attributeId ? query.attributeValue : QString(),
                      QString::number(static_cast<int>(query.sort)),
                      query.descending ? QStringLiteral("desc") : QStringLiteral("asc")};
    if (groupIds) {
        QStringList ids(groupIds->cbegin(), groupIds->cend());
        ids.sort();
        parts.append(QStringLiteral("groups:") + ids.join(u','));
    } else {
        parts.append(QStringLiteral("all"));
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(parts.join(QChar(0x1f)).toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

// Where the page after a cursor starts: the last entry shown, as much of it as
// the order needs. Sealed under the tenant's key (it holds a name).
struct Position
{
    QString name;
    std::optional<QString> code;
    std::optional<QDate> hireDate;
    QString id;
};

QByteArray positionBytes(const Entry &entry)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << entry.name << entry.code.has_value() << entry.code.value_or(QString())
        << entry.hireDate.has_value() << entry.hireDate.value_or(QDate()) << entry.id;
    return bytes;
}

std::optional<Position> positionFrom(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    Position position;
    bool hasCode = false;
    bool hasHireDate = false;
    QString code;
    QDate hireDate;
    in >> position.name >> hasCode >> code >> hasHireDate >> hireDate >> position.id;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    if (hasCode)
        position.code = code;
    if (hasHireDate)
        position.hireDate = hireDate;
    return position;
}

StoreError foreignCursor()
{
    return StoreError{StoreErrorKind::NotFound, QStringLiteral("a cursor of another query")};
}

} // namespace

struct MemberIndex::TenantIndex
{
    // The members and their orders; replaced whole by a rebuild.
    struct Data
    {
        QHash<QString, std::shared_ptr<const Entry>> entries;
        Order byName;
        Order byCode;
        Order byHire;

        Order &order(api::MemberSort sort)
        {
            switch (sort) {
            case api::MemberSort::Name:
                return byName;
            case api::MemberSort::EmployeeCode:
                return byCode;
            case api::MemberSort::HireDate:
                return byHire;
            }
            return byName;
        }

        void insert(std::shared_ptr<const Entry> entry)
        {
            for (const api::MemberSort sort : {api::MemberSort::Name, api::MemberSort::EmployeeCode,
                                               api::MemberSort::HireDate}) {
                Order &sorted = order(sort);
                sorted.insert(
                    std::upper_bound(sorted.begin(), sorted.end(), entry.get(), beforeFor(sort)),
                    entry.get());
            }
            entries.insert(entry->id, std::move(entry));
        }

        void remove(const QString &id)
        {
            const auto found = entries.constFind(id);
            if (found == entries.cend())
                return;
            const Entry *entry = found->get();
            for (const api::MemberSort sort : {api::MemberSort::Name, api::MemberSort::EmployeeCode,
                                               api::MemberSort::HireDate}) {
                Order &sorted = order(sort);
                const auto at =
                    std::lower_bound(sorted.begin(), sorted.end(), entry, beforeFor(sort));
                if (at != sorted.end() && *at == entry)
                    sorted.erase(at);
            }
            entries.erase(found);
        }
    };

    QMutex buildMutex;   // one rebuild at a time; held while reading the store
    QReadWriteLock lock; // guards what follows
    bool built = false;
    bool stale = false;
    qint64 seen = 0; // the member_changes counter `data` reflects
    Data data;
    // Every member as a bulk writer left them, and the counter it committed:
    // what the next rebuild starts from when the counter still says so.
    std::optional<std::pair<qint64, QList<StoredMember>>> handed;
};

MemberIndex::MemberIndex(Keyring &keyring)
    : m_keyring(keyring)
{}

MemberIndex::~MemberIndex() = default;

std::shared_ptr<MemberIndex::TenantIndex>
MemberIndex::current(const TenantScope &scope, const QSqlDatabase &connection, StoreError *error)
{
    std::shared_ptr<TenantIndex> index;
    {
        const QMutexLocker locker(&m_mutex);
        std::shared_ptr<TenantIndex> &slot = m_tenants[scope.tenantId()];
        if (!slot)
            slot = std::make_shared<TenantIndex>();
        index = slot;
    }
    MemberRepository members(connection, m_keyring);
    const auto isCurrent = [&index](qint64 counter) {
        const QReadLocker reader(&index->lock);
        return index->built && !index->stale && index->seen >= counter;
    };
    auto counter = members.changeCounter(scope);
    if (!counter) {
        *error = counter.error();
        return nullptr;
    }
    if (isCurrent(counter.value()))
        return index;

    const QMutexLocker builder(&index->buildMutex);
    // Another worker may have rebuilt it while this one waited.
    if (isCurrent(counter.value()))
        return index;
    // The counter before the rows: a write in between makes the index look
    // older than it is (one more rebuild), never newer.
    counter = members.changeCounter(scope);
    if (!counter) {
        *error = counter.error();
        return nullptr;
    }
    std::optional<std::pair<qint64, QList<StoredMember>>> handed;
    {
        const QWriteLocker writer(&index->lock);
        std::swap(handed, index->handed);
    }
    auto all = handed && handed->first == counter.value()
                   ? StoreResult<QList<StoredMember>>(std::move(handed->second))
                   : members.all(scope);
    if (!all) {
        *error = all.error();
        return nullptr;
    }
    const QCollator collator = nameCollator();
    TenantIndex::Data data;
    data.entries.reserve(all.value().size());
    for (const StoredMember &stored : all.value())
        data.entries.insert(stored.member.id,
                            std::make_shared<const Entry>(makeEntry(stored.member, collator)));
    for (const api::MemberSort sort :
         {api::MemberSort::Name, api::MemberSort::EmployeeCode, api::MemberSort::HireDate}) {
        Order &sorted = data.order(sort);
        sorted.reserve(data.entries.size());
        for (const auto &entry : std::as_const(data.entries))
            sorted.push_back(entry.get());
        std::sort(sorted.begin(), sorted.end(), beforeFor(sort));
    }
    const QWriteLocker writer(&index->lock);
    index->data = std::move(data);
    index->seen = counter.value();
    index->stale = false;
    index->built = true;
    return index;
}

StoreResult<MemberIdPage> MemberIndex::page(const TenantScope &scope,
                                            const QSqlDatabase &connection,
                                            const api::MemberQuery &query,
                                            const std::optional<QSet<QString>> &groupIds)
{
    const QString search = searchForm(query.search).simplified();
    const QString fingerprint = queryFingerprint(query, search, groupIds);
    const auto key = m_keyring.current(scope, connection);
    if (!key)
        return key.error();

    // The cursor first: a foreign one costs no index build.
    std::optional<Position> after;
    if (query.cursor) {
        const auto plain = rows::decodeCursor(*query.cursor);
        const qsizetype dot = plain ? plain->indexOf('.') : -1;
        bool numeric = false;
        const int keyVersion = dot > 0 ? plain->left(dot).toInt(&numeric) : 0;
        if (!numeric)
            return foreignCursor();
        const auto cursorKey = m_keyring.version(scope, connection, keyVersion);
        if (!cursorKey)
            return foreignCursor();
        const auto opened =
            crypto::open(cursorKey.value()->sealKey, QByteArrayView(*plain).sliced(dot + 1),
                         crypto::associatedData(scope.tenantId(), kCursorTable, fingerprint,
                                                kCursorColumn, keyVersion));
        after = opened ? positionFrom(*opened) : std::nullopt;
        if (!after)
            return foreignCursor();
    }

    StoreError error;
    const std::shared_ptr<TenantIndex> index = current(scope, connection, &error);
    if (!index)
        return error;

    const auto matches = [&](const Entry *entry) {
        if (query.status && entry->status != *query.status)
            return false;
        if (query.attributeId &&
            entry->attributes.value(*query.attributeId) != query.attributeValue)
            return false;
        if (groupIds && (!entry->groupId || !groupIds->contains(*entry->groupId)))
            return false;
        return search.isEmpty() || entry->search.contains(search);
    };
    const bool filtered =
        !search.isEmpty() || query.status || query.attributeId || groupIds.has_value();
    const int limit = std::clamp(query.limit, 1, api::kMemberPageMax);
    const Before before = beforeFor(query.sort);

    MemberIdPage page;
    const Entry *last = nullptr;
    {
        const QReadLocker reader(&index->lock);
        const Order &order = index->data.order(query.sort);
        page.total =
            filtered ? std::count_if(order.cbegin(), order.cend(), matches) : qint64(order.size());
        auto first = order.cbegin();
        auto end = order.cend();
        if (after) {
            // The probe needs only what the order compares.
            const Entry probe{
                after->id,   QString(),       after->name,  nameCollator().sortKey(after->name),
                after->code, after->hireDate, std::nullopt, api::MemberStatus::Active,
                {}};
            if (query.descending)
                end = std::lower_bound(order.cbegin(), order.cend(), &probe, before);
            else
                first = std::upper_bound(order.cbegin(), order.cend(), &probe, before);
        }
        bool more = false;
        const auto take = [&](const Entry *entry) {
            if (!matches(entry))
                return true;
            if (page.ids.size() == limit) {
                more = true;
                return false;
            }
            page.ids.append(entry->id);
            last = entry;
            return true;
        };
        if (query.descending) {
            for (auto it = end; it != first && take(*(it - 1)); --it) {
            }
        } else {
            for (auto it = first; it != end && take(*it); ++it) {
            }
        }
        if (more) {
            const QByteArray sealed =
                crypto::seal(key.value()->sealKey, positionBytes(*last),
                             crypto::associatedData(scope.tenantId(), kCursorTable, fingerprint,
                                                    kCursorColumn, key.value()->version));
            page.nextCursor =
                rows::encodeCursor(QByteArray::number(key.value()->version) + '.' + sealed);
        }
    }
    return page;
}

void MemberIndex::noteWritten(const TenantScope &scope, const StoredMember &member, bool deleted,
                              qint64 counter)
{
    std::shared_ptr<TenantIndex> index;
    {
        const QMutexLocker locker(&m_mutex);
        index = m_tenants.value(scope.tenantId());
    }
    if (!index)
        return; // nothing built yet: the first use reads the store
    std::shared_ptr<const Entry> entry;
    if (!deleted)
        entry = std::make_shared<const Entry>(makeEntry(member.member, nameCollator()));
    const QWriteLocker writer(&index->lock);
    if (!index->built)
        return;
    if (counter != index->seen + 1) {
        // Another write (of this process or another) came between.
        index->stale = true;
        return;
    }
    index->seen = counter;
    index->data.remove(member.member.id);
    if (entry)
        index->data.insert(std::move(entry));
}

void MemberIndex::replace(const TenantScope &scope, QList<StoredMember> members, qint64 counter)
{
    std::shared_ptr<TenantIndex> index;
    {
        const QMutexLocker locker(&m_mutex);
        std::shared_ptr<TenantIndex> &slot = m_tenants[scope.tenantId()];
        if (!slot)
            slot = std::make_shared<TenantIndex>();
        index = slot;
    }
    const QWriteLocker writer(&index->lock);
    index->stale = true;
    index->handed.emplace(counter, std::move(members));
}

void MemberIndex::invalidate(const TenantScope &scope)
{
    std::shared_ptr<TenantIndex> index;
    {
        const QMutexLocker locker(&m_mutex);
        index = m_tenants.value(scope.tenantId());
    }
    if (!index)
        return;
    const QWriteLocker writer(&index->lock);
    index->stale = true;
}

} // namespace engage::server::store
