// The crash test's child: rewrites the offline cache file in DIR (key KEYHEX,
// the scope offlineCacheWriterScope()) again and again, every record of a
// round holding that round's number, and prints "written <n>" once round n
// is on disk, until tst_offlinecache SIGKILLs it in the middle of a write.

#include "models/cache/offlinecache.h"
#include "offlinecachewritershared.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <cstdio>

using namespace engage::models;

int main(int argc, char *argv[])
{
    // OfflineCache's write timer wants an application object.
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: offlinecachewriter DIR KEYHEX\n");
        return 2;
    }
    OfflineCache cache(arguments.at(1), engage::test::offlineCacheWriterScope(),
                       QByteArray::fromHex(arguments.at(2).toLatin1()));
    for (qint64 round = 1;; ++round) {
        for (int record = 0; record < engage::test::kWriterRecords; ++record)
            cache.store(engage::test::writerRecordKey(record),
                        QJsonDocument(engage::test::writerRecord(round, record)));
        if (!cache.flush()) {
            std::fprintf(stderr, "offlinecachewriter: cannot write\n");
            return 1;
        }
        std::printf("written %lld\n", round);
        std::fflush(stdout);
    }
}
