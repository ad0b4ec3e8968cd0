#include "KeyringSecret.h"

#include <qt6keychain/keychain.h>

namespace {
QString errorText(const QKeychain::Job &job, const QString &entry)
{
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return QCoreApplication::translate("KeyringSecret", "the keyring holds no entry '%1' for %2")
            .arg(entry, KeyringSecret::service());
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return QCoreApplication::translate("KeyringSecret", "access to the keyring entry '%1' was denied")
            .arg(entry);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    // Without a session bus (a server, a container, CI) QtKeychain reports OtherError, not
    // NoBackendAvailable.
    return QCoreApplication::translate("KeyringSecret",
        "no desktop keyring could be reached for the entry '%1' (%2); start a Secret Service such as GNOME "
        "Keyring or KWallet, or name the secret with secret_file or secret_env instead")
        .arg(entry, job.errorString());
}
} // namespace

KeyringSecret::KeyringSecret(QObject *parent)
    : QObject(parent)
{ }

KeyringSecret *KeyringSecret::read(const QString &entry, QObject *parent)
{
    auto *secret = new KeyringSecret(parent);
    auto *job = new QKeychain::ReadPasswordJob(service(), secret);
    job->setAutoDelete(true);
    job->setKey(entry);
    connect(job, &QKeychain::Job::finished, secret, [secret, entry](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const QString error = errorText(*read, entry);
        Q_EMIT secret->finished(error.isEmpty() ? read->binaryData() : QByteArray(), error);
        secret->deleteLater();
    });
    job->start();
    return secret;
}
