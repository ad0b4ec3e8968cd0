#include "SecretMask.h"

#include <QRegularExpression>

#include <algorithm>

namespace {

QString hexDigit(int value)
{
    const char digit = "0123456789ABCDEF"[value];
    if (value < 10)
        return QString(QLatin1Char(digit));
    return QLatin1Char('[') + QLatin1Char(digit) + QLatin1Char(char(digit + ('a' - 'A'))) + QLatin1Char(']');
}

// One character (a code point, so one or two UTF-16 units) as a text may write it.
QString characterPattern(const QString &character)
{
    QStringList forms;
    if (character.size() == 1 && character.at(0).isSpace()) {
        // Pages wrap lines and simplified() joins runs; a form body writes a space as '+'.
        forms << QStringLiteral("\\s+") << QStringLiteral("\\+");
    } else {
        forms << QRegularExpression::escape(character);
    }
    QString percent;
    for (const char byte : character.toUtf8()) {
        const auto value = uchar(byte);
        percent += QLatin1Char('%') + hexDigit(value >> 4) + hexDigit(value & 0xf);
    }
    forms << percent;
    static const std::pair<char16_t, const char *> entities[]
        = { { u'&', "&amp;|&#38;" }, { u'<', "&lt;|&#60;" }, { u'>', "&gt;|&#62;" }, { u'"', "&quot;|&#34;" },
              { u'\'', "&#39;|&#x27;|&apos;" } };
    for (const auto &[plain, escaped] : entities)
        if (character.size() == 1 && character.at(0) == QChar(plain))
            forms << QLatin1String(escaped);
    return QLatin1String("(?:") + forms.join(QLatin1Char('|')) + QLatin1Char(')');
}

QString formPattern(const QString &form)
{
    QString pattern;
    for (qsizetype i = 0; i < form.size(); ++i) {
        const qsizetype length = form.at(i).isHighSurrogate() && i + 1 < form.size() ? 2 : 1;
        pattern += characterPattern(form.mid(i, length));
        i += length - 1;
    }
    return pattern;
}

} // namespace

void SecretMask::add(const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    const QString raw = QString::fromUtf8(secret);
    const QString base64 = QString::fromLatin1(secret.toBase64(QByteArray::OmitTrailingEquals));
    // The padding goes too, so that no stray '=' is left behind the marker.
    const std::pair<QString, QString> forms[]
        = { { raw, formPattern(raw) }, { base64, formPattern(base64) + QLatin1String("(?:=|%3[dD]){0,2}") } };
    for (const auto &form : forms)
        if (std::none_of(m_forms.cbegin(), m_forms.cend(),
                [&](const auto &known) { return known.first == form.first; }))
            m_forms.append(form);
    // At one position the first alternative that matches wins: a longer form must not lose its
    // beginning to a shorter one and show the rest.
    std::stable_sort(m_forms.begin(), m_forms.end(),
        [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
    QStringList patterns;
    for (const auto &form : std::as_const(m_forms))
        patterns.append(form.second);
    m_pattern = patterns.join(QLatin1Char('|'));
}

QString SecretMask::apply(const QString &text) const
{
    if (isEmpty() || text.isEmpty())
        return text;
    // Built per call rather than kept: a mask travels to worker threads by value, and this runs only
    // for error messages and server warnings.
    QString masked = text;
    masked.replace(QRegularExpression(m_pattern), marker());
    return masked;
}

QString SecretMask::applyToBeginning(const QString &beginning) const
{
    QString masked = apply(beginning);
    if (isEmpty())
        return masked;
    const QRegularExpressionMatch partial
        = QRegularExpression(m_pattern).match(masked, 0, QRegularExpression::PartialPreferCompleteMatch);
    if (partial.hasPartialMatch())
        masked.truncate(partial.capturedStart());
    return masked;
}
