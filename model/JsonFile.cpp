#include "JsonFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>

std::optional<QJsonObject> readJsonObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    return parseJsonObject(file.readAll(), error);
}

std::optional<QJsonObject> parseJsonObject(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull()) {
        *error = QCoreApplication::translate("JsonFile", "%1 at byte %2")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QCoreApplication::translate("JsonFile", "expected a JSON object at the top level");
        return std::nullopt;
    }
    return document.object();
}
