#include "PromQL.h"

#include <QRegularExpression>

QString PromQL::quoted(const QString &value)
{
    QString literal;
    literal.reserve(value.size() + 2);
    literal.append(QLatin1Char('"'));
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '\\':
            literal.append(QLatin1String("\\\\"));
            break;
        case '"':
            literal.append(QLatin1String("\\\""));
            break;
        case '\n':
            literal.append(QLatin1String("\\n"));
            break;
        case '\r':
            literal.append(QLatin1String("\\r"));
            break;
        case '\t':
            literal.append(QLatin1String("\\t"));
            break;
        default:
            if (c.unicode() < 0x20)
                literal.append(QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0')));
            else
                literal.append(c);
        }
    }
    literal.append(QLatin1Char('"'));
    return literal;
}

QString PromQL::substitute(const QString &expression, const std::map<QString, QString> &values)
{
    static const QRegularExpression placeholder(QStringLiteral("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = placeholder.globalMatch(expression);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        result.append(QStringView(expression).mid(last, match.capturedStart() - last));
        const auto value = values.find(match.captured(1));
        result.append(value == values.end() ? match.captured(0) : quoted(value->second));
        last = match.capturedEnd();
    }
    result.append(QStringView(expression).mid(last));
    return result;
}
