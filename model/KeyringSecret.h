#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

// A secret kept in the desktop keyring (Secret Service, KWallet; QtKeychain), under the service
// "aisc-dashboard" and an entry name the config gives. Reading is asynchronous: a keyring may ask the
// user to unlock it. Messages name the entry, never the secret.
class KeyringSecret : public QObject
{
    Q_OBJECT
public:
    static QString service() { return QStringLiteral("aisc-dashboard"); }

    // Starts reading entry; finished() follows once, from the event loop. The object deletes itself after.
    static KeyringSecret *read(const QString &entry, QObject *parent = nullptr);

Q_SIGNALS:
    // error is empty on success; else it says what went wrong and what to do instead.
    void finished(const QByteArray &secret, const QString &error);

private:
    explicit KeyringSecret(QObject *parent);
};
