#include "SecretMask.h"

#include <algorithm>
#include <set>
#include <utility>

// A hand-written matcher rather than a regular expression: a pattern with every encoding of every
// character of a long token (a JWT runs to kilobytes) exceeds PCRE's size limit, and a refused pattern
// would hide nothing.

namespace {

using Unit = SecretMask::Unit;

Unit unitFor(const QString &character)
{
    Unit unit;
    if (character.size() == 1 && character.at(0).isSpace()) {
        unit.whitespace = true;
        return unit;
    }
    unit.exact.append(character);
    static const char hex[] = "0123456789ABCDEF";
    QString percent;
    for (const char byte : character.toUtf8()) {
        const auto value = uchar(byte);
        percent += QLatin1Char('%');
        percent += QLatin1Char(hex[value >> 4]);
        percent += QLatin1Char(hex[value & 0xf]);
    }
    unit.caseless.append(percent);
    static const std::pair<char16_t, const char *> entities[] = { { u'&', "&amp;" }, { u'&', "&#38;" },
        { u'<', "&lt;" }, { u'<', "&#60;" }, { u'>', "&gt;" }, { u'>', "&#62;" }, { u'"', "&quot;" },
        { u'"', "&#34;" }, { u'\'', "&#39;" }, { u'\'', "&#x27;" }, { u'\'', "&apos;" } };
    for (const auto &[plain, escaped] : entities)
        if (character == QChar(plain))
            unit.caseless.append(QLatin1String(escaped));
    return unit;
}

std::vector<Unit> unitsOf(const QString &form)
{
    std::vector<Unit> units;
    for (qsizetype i = 0; i < form.size(); ++i) {
        // A run of whitespace is one unit, which takes any run.
        if (form.at(i).isSpace() && !units.empty() && units.back().whitespace)
            continue;
        const qsizetype length = form.at(i).isHighSurrogate() && i + 1 < form.size() ? 2 : 1;
        units.push_back(unitFor(form.mid(i, length)));
        i += length - 1;
    }
    return units;
}

// Whether a match of a form whose first unit is `unit` can start with c: a cheap test before the search.
bool mayStart(QChar c, const Unit &unit)
{
    if (c == u'%' || c == u'&')
        return true;
    return unit.whitespace ? c.isSpace() || c == u'+' : c == unit.exact.constFirst().front();
}

struct Attempt
{
    qsizetype end = -1; // where the longest match ends; -1 for none
    bool reachedEnd = false; // some way of matching ran into the end of the text
};

// Every way the form may be written, tried from `at`: a search over (unit, position) pairs, each
// visited once, so that alternatives sharing a first character ('%' itself and a percent escape)
// cost no backtracking.
Attempt matchAt(QStringView text, qsizetype at, const std::vector<Unit> &form)
{
    Attempt attempt;
    std::vector<std::pair<size_t, qsizetype>> pending { { 0, at } };
    std::set<std::pair<size_t, qsizetype>> seen;
    auto push = [&](size_t unit, qsizetype position) {
        if (seen.insert({ unit, position }).second)
            pending.emplace_back(unit, position);
    };
    while (!pending.empty()) {
        const auto [index, position] = pending.back();
        pending.pop_back();
        if (index == form.size()) {
            attempt.end = std::max(attempt.end, position);
            continue;
        }
        const QStringView rest = text.mid(position);
        auto length = [&](QStringView written, Qt::CaseSensitivity cs) -> qsizetype {
            if (rest.startsWith(written, cs))
                return written.size();
            if (written.startsWith(rest, cs))
                attempt.reachedEnd = true;
            return 0;
        };
        const Unit &unit = form[index];
        if (unit.whitespace) {
            qsizetype taken = 0;
            if (rest.isEmpty())
                attempt.reachedEnd = true;
            else if (rest.front().isSpace() || rest.front() == u'+')
                taken = 1;
            else
                taken = length(u"%20", Qt::CaseInsensitive);
            if (taken > 0) {
                push(index + 1, position + taken);
                push(index, position + taken); // the run goes on
            }
            continue;
        }
        for (const QString &written : unit.exact)
            if (const qsizetype taken = length(written, Qt::CaseSensitive))
                push(index + 1, position + taken);
        for (const QString &written : unit.caseless)
            if (const qsizetype taken = length(written, Qt::CaseInsensitive))
                push(index + 1, position + taken);
    }
    return attempt;
}

} // namespace

void SecretMask::add(const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    // The base64 with and without its padding: the longest match wins, so no stray '=' is left.
    for (const QString &form : { QString::fromUtf8(secret), QString::fromLatin1(secret.toBase64()),
             QString::fromLatin1(secret.toBase64(QByteArray::OmitTrailingEquals)) }) {
        if (m_texts.contains(form))
            continue;
        m_texts.append(form);
        m_forms.push_back(unitsOf(form));
    }
}

QString SecretMask::mask(QStringView text, bool cut) const
{
    if (isEmpty())
        return text.toString();
    QString masked;
    masked.reserve(text.size());
    for (qsizetype position = 0; position < text.size();) {
        Attempt found;
        for (const std::vector<Unit> &form : m_forms) {
            if (!mayStart(text.at(position), form.front()))
                continue;
            const Attempt attempt = matchAt(text, position, form);
            found.end = std::max(found.end, attempt.end);
            found.reachedEnd = found.reachedEnd || attempt.reachedEnd;
        }
        // A secret the cut may have gone through: nothing from here on is shown.
        if (cut && found.reachedEnd)
            break;
        if (found.end > position) {
            masked += marker();
            position = found.end;
        } else {
            masked += text.at(position);
            ++position;
        }
    }
    return masked;
}
