#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Reads a JSON file whose top level is an object. On failure returns std::nullopt and sets *error
// to what was wrong (the file cannot be read, the JSON is malformed and where, or it is not an object).
std::optional<QJsonObject> readJsonObject(const QString &path, QString *error);
// The same for JSON already in memory.
std::optional<QJsonObject> parseJsonObject(const QByteArray &json, QString *error);

// Loads one of the data files compiled into the resources. They are part of the build, so a
// failure is a build defect: it stops the program with the loader's message.
template<typename T> T loadBuiltInResource(const QString &path)
{
    QString error;
    std::optional<T> loaded = T::load(path, &error);
    if (!loaded)
        qFatal("%s", qPrintable(error));
    return *std::move(loaded);
}
