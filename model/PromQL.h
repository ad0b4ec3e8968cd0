#pragma once

#include <QString>

#include <map>

// Building PromQL from values a user or a server gave: a hostname or partition put into an
// expression must not be able to end its string and change the query.
namespace PromQL {
// A label value as a PromQL string literal: in double quotes, with backslash, double quote and
// control characters escaped. E.g. a"b → "a\"b".
QString quoted(const QString &value);
// Replaces each ${name} in expression with the quoted value of name; a placeholder with no value
// is left as it is, so that the server names it in its error.
QString substitute(const QString &expression, const std::map<QString, QString> &values);
} // namespace PromQL
