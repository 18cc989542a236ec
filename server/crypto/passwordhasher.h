#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>

namespace engage::server::crypto {

// Argon2id cost; the defaults are OWASP's and ASVS 11.4.2's floor (19 MiB, t=2, p=1).
struct PasswordPolicy
{
    quint32 memoryKiB = 19456;
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

// Argon2id (libargon2) with a random 16-byte salt and a 32-byte tag, as a PHC
// string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>. The password is hashed
// as UTF-8, exactly as given. Empty only if libargon2 refuses (a policy it
// cannot run, or no memory).
QString hashPassword(QStringView password, const PasswordPolicy &policy = {});

// Whether `password` matches `encoded`. False for anything that is not a
// well-formed argon2id string, and for strings whose cost is absurd (so a
// damaged row cannot make one login allocate gigabytes). Never throws.
bool verifyPassword(QStringView password, const QString &encoded);

// Whether a stored hash should be replaced at the next successful login: not
// argon2id v19, unreadable, any cost parameter below `policy`, or a salt or tag
// shorter than ours.
bool needsRehash(const QString &encoded, const PasswordPolicy &policy = {});

// A first password, shown once: 16 characters drawn uniformly (rejection
// sampling over randomBytes) from letters and digits without the look-alikes
// 0, O, 1, l and I; about 93 bits.
QString generatedPassword();

} // namespace engage::server::crypto
