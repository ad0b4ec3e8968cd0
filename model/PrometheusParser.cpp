#include "PrometheusParser.h"

#include "PrometheusMatrixScanner.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <simdjson.h>
#include <string_view>

// The DOM API, not On Demand: the library picks its SIMD kernel at run time, where On Demand's is
// fixed at compile time (the scalar fallback for a baseline x86-64 build).
namespace dom = simdjson::dom;

namespace {

// A well-formed answer that is not what the API promises; thrown out of the simdjson walk.
struct Malformed
{
    QString what;
};

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

double parseSampleValue(std::string_view text)
{
    double value = 0;
    if (PrometheusMatrixScanner::sampleValue(text, &value))
        return value;
    throw Malformed { PrometheusParser::tr("the sample value \"%1\" is not a number").arg(toQString(text)) };
}

std::map<QString, QString> readStringMap(dom::element value)
{
    std::map<QString, QString> map;
    for (const dom::key_value_pair field : dom::object(value))
        map.emplace(toQString(field.key), toQString(field.value.get_string()));
    return map;
}

QStringList readStrings(dom::element value)
{
    QStringList strings;
    for (const dom::element element : dom::array(value))
        strings.append(toQString(element.get_string()));
    return strings;
}

// RFC 3339 with up to nanoseconds, as Go writes it; 0 for Go's zero time (never).
qint64 parseTimestamp(std::string_view text)
{
    static const QRegularExpression extraDigits(QStringLiteral("(\\.\\d{3})\\d+"));
    QString iso = toQString(text);
    iso.replace(extraDigits, QStringLiteral("\\1"));
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return time.isValid() && time.date().year() > 1 ? time.toMSecsSinceEpoch() : 0;
}

bool looksLikeHtml(const QByteArray &body, const QByteArray &contentType)
{
    if (contentType.toLower().contains("html"))
        return true;
    for (char c : body) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        return c == '<';
    }
    return false;
}

// At most this many characters of the server's own text are quoted in a message.
constexpr qsizetype quotedChars = 200;

QString htmlTitle(const QByteArray &body, const SecretMask &secrets)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = title.match(QString::fromUtf8(body.left(64LL * 1024)));
    // Hidden before it is shortened, so that the cut cannot leave the first part of a secret.
    const QString text = match.hasMatch() ? secrets.apply(match.captured(1).simplified()) : QString();
    return text.isEmpty() ? PrometheusParser::tr("(a page without a title)") : text.left(quotedChars);
}

// The beginning of a body that is not the API (a proxy's plain-text page), on one line.
QString bodyExcerpt(const QByteArray &body, const SecretMask &secrets)
{
    // Enough to fill the excerpt after runs of whitespace are joined and secrets hidden.
    const QByteArray window = body.left(4096);
    const QString text = QString::fromUtf8(window).simplified();
    return (window.size() < body.size() ? secrets.applyToBeginning(text) : secrets.apply(text))
        .left(quotedChars);
}

// Walks the envelope every API answer shares ({status, data, errorType, error, warnings, infos}),
// handing "data" to readData. On failure *error holds the message for the user.
template<typename ReadData>
bool readEnvelope(const QByteArray &body, const PrometheusParser::Context &context, QStringList *warnings,
    SourceError *error, ReadData &&readData)
{
    auto fail = [&](SourceError::Kind kind, const QString &what) {
        if (error)
            *error
                = SourceError { kind, PrometheusParser::errorMessage(context.server, context.subject, what) };
        return false;
    };
    const SecretMask &secrets = context.secrets;
    const int http = context.httpStatus;
    const bool httpOk = http >= 200 && http < 300;
    if (looksLikeHtml(body, context.contentType))
        return fail(SourceError::Kind::BadResponse,
            PrometheusParser::tr("the server answered HTML, not the Prometheus API: %1 (HTTP %2)")
                .arg(htmlTitle(body, secrets), QString::number(http)));
    if (body.trimmed().isEmpty())
        return fail(httpOk ? SourceError::Kind::BadResponse : SourceError::Kind::ServerError,
            PrometheusParser::tr("the server answered with an empty body (HTTP %1)").arg(http));

    // simdjson reads past the end of its input: parse in place when the buffer has the room, else
    // let it copy.
    const bool padded = size_t(body.capacity() - body.size()) >= simdjson::SIMDJSON_PADDING;

    // One parser per worker thread: it keeps its buffers between answers.
    thread_local dom::parser parser;
    std::string_view status;
    QString errorType;
    QString errorText;
    try {
        const dom::element document = parser.parse(body.constData(), size_t(body.size()), !padded);
        for (const dom::key_value_pair field : dom::object(document)) {
            const std::string_view key = field.key;
            if (key == "status")
                status = field.value.get_string();
            else if (key == "data")
                readData(field.value);
            else if (key == "errorType")
                errorType = secrets.apply(toQString(field.value.get_string()));
            else if (key == "error")
                errorText = secrets.apply(toQString(field.value.get_string()));
            else if (key == "warnings" && warnings)
                for (const QString &warning : readStrings(field.value))
                    warnings->append(secrets.apply(warning));
        }
    } catch (const simdjson::simdjson_error &e) {
        if (!httpOk)
            return fail(SourceError::Kind::ServerError,
                PrometheusParser::tr(
                    "the server answered HTTP %1 with a body that is not the Prometheus API: %2")
                    .arg(QString::number(http), bodyExcerpt(body, secrets)));
        return fail(SourceError::Kind::BadResponse,
            PrometheusParser::tr("the answer is not complete JSON (%1 bytes received; %2), perhaps cut short")
                .arg(QString::number(body.size()), QString::fromUtf8(e.what())));
    } catch (const Malformed &malformed) {
        // It may quote a value the server sent.
        return fail(SourceError::Kind::BadResponse, secrets.apply(malformed.what));
    }

    if (status == "success" && httpOk)
        return true;
    if (status == "error" || !errorType.isEmpty()) {
        const QString detail = errorText.isEmpty() ? PrometheusParser::tr("no details given") : errorText;
        if (errorType == QLatin1String("bad_data"))
            return fail(SourceError::Kind::ServerError,
                PrometheusParser::tr("the server rejected the query as bad data (HTTP %1): %2")
                    .arg(QString::number(http), detail));
        if (errorType == QLatin1String("execution"))
            return fail(SourceError::Kind::ServerError,
                PrometheusParser::tr("the server could not execute the query (HTTP %1): %2")
                    .arg(QString::number(http), detail));
        if (errorType == QLatin1String("timeout"))
            return fail(SourceError::Kind::Timeout,
                PrometheusParser::tr("the query timed out on the server (HTTP %1): %2")
                    .arg(QString::number(http), detail));
        if (errorType == QLatin1String("canceled"))
            return fail(SourceError::Kind::ServerError,
                PrometheusParser::tr("the server cancelled the query (HTTP %1): %2")
                    .arg(QString::number(http), detail));
        return fail(SourceError::Kind::ServerError,
            PrometheusParser::tr("the server reported an error of type '%1' (HTTP %2): %3")
                .arg(errorType.isEmpty() ? QStringLiteral("?") : errorType, QString::number(http), detail));
    }
    if (!httpOk)
        return fail(SourceError::Kind::ServerError,
            PrometheusParser::tr("the server answered HTTP %1 without an error description").arg(http));
    return fail(SourceError::Kind::BadResponse,
        PrometheusParser::tr("the answer has no \"status\": \"success\"; is this the Prometheus API?"));
}

struct RawSeries
{
    std::map<QString, QString> labels;
    std::vector<double> values;
};

class QueryReader
{
public:
    // prescanned: the "values" of each series by its index in the result, read by PrometheusMatrixScanner
    // (an empty vector for a series without them); the body given is then the scanner's skeleton.
    QueryReader(const PrometheusParser::Grid &grid, std::vector<std::vector<double>> *prescanned = nullptr)
        : m_grid(grid)
        , m_prescanned(prescanned)
    { }

    void readData(dom::element data)
    {
        for (const dom::key_value_pair field : dom::object(data)) {
            const std::string_view key = field.key;
            if (key == "resultType") {
                const std::string_view type = field.value.get_string();
                if (type == "string")
                    throw Malformed { PrometheusParser::tr("the query gives a string, not numbers") };
                m_resultType = toQString(type);
            } else if (key == "result") {
                readResult(field.value);
            }
        }
    }

    std::vector<RawSeries> takeSeries() { return std::move(m_series); }

private:
    void readResult(dom::element result)
    {
        // A vector or matrix is an array of objects; a scalar is the sample [t, "v"] itself.
        int index = 0;
        double scalarTime = 0;
        for (const dom::element element : dom::array(result)) {
            switch (element.type()) {
            case dom::element_type::OBJECT:
                readSeries(dom::object(element));
                break;
            case dom::element_type::DOUBLE:
            case dom::element_type::INT64:
            case dom::element_type::UINT64:
                scalarTime = element.get_double();
                break;
            case dom::element_type::STRING:
                if (index == 1) {
                    RawSeries scalar;
                    scalar.values.assign(size_t(m_grid.points), qQNaN());
                    place(scalar.values, scalarTime, element.get_string());
                    m_series.push_back(std::move(scalar));
                    break;
                }
                [[fallthrough]];
            default:
                throw Malformed { PrometheusParser::tr(
                    "the result holds something that is neither a series nor a sample") };
            }
            ++index;
        }
    }

    void readSeries(dom::object object)
    {
        RawSeries series;
        const size_t index = m_series.size();
        if (m_prescanned && index < m_prescanned->size() && !(*m_prescanned)[index].empty())
            series.values = std::move((*m_prescanned)[index]);
        else
            series.values.assign(size_t(m_grid.points), qQNaN());
        for (const dom::key_value_pair field : object) {
            const std::string_view key = field.key;
            if (key == "metric") {
                series.labels = readStringMap(field.value);
            } else if (key == "values") {
                for (const dom::element sample : dom::array(field.value))
                    readSample(series.values, dom::array(sample));
            } else if (key == "value") {
                readSample(series.values, dom::array(field.value));
            }
            // Native histograms ("histogram", "histograms") have no place in a line chart: skipped.
        }
        m_series.push_back(std::move(series));
    }

    void readSample(std::vector<double> &values, dom::array sample)
    {
        int index = 0;
        double time = 0;
        for (const dom::element element : sample) {
            if (index == 0)
                time = element.get_double();
            else if (index == 1)
                place(values, time, element.get_string());
            ++index;
        }
        if (index != 2)
            throw Malformed { PrometheusParser::tr("a sample is not a [time, value] pair") };
    }

    void place(std::vector<double> &values, double seconds, std::string_view text)
    {
        // A time beyond ±2^62 ms (146 million years) is on no grid; dropping it also keeps the integer
        // arithmetic of place() from overflowing.
        const double ms = seconds * 1000.0;
        if (!(std::abs(ms) < 0x1p62))
            return;
        PrometheusMatrixScanner::place(m_grid, std::llround(ms), parseSampleValue(text), &values);
    }

    PrometheusParser::Grid m_grid;
    std::vector<std::vector<double>> *m_prescanned;
    QString m_resultType;
    std::vector<RawSeries> m_series;
};

} // namespace

QString PrometheusParser::errorMessage(const QString &server, const QString &subject, const QString &what)
{
    return tr("Prometheus at %1, %2: %3").arg(server, subject, what);
}

QString PrometheusParser::labelSetName(const std::map<QString, QString> &labels)
{
    QStringList parts;
    for (const auto &[key, value] : labels)
        parts.append(key + QLatin1String("=\"") + value + QLatin1Char('"'));
    return QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}');
}

namespace {

// The fast path for matrix answers: false whenever the scanner meets anything it does not expect, or
// the rest of the answer is not a success; the caller then reads the whole body with simdjson, which
// gives the same result or the error message the user would have seen anyway.
bool readMatrix(const QByteArray &body, const PrometheusParser::Context &context,
    const PrometheusParser::Grid &grid, QThreadPool *pool, std::vector<RawSeries> *raw, QStringList *warnings)
{
    if (context.httpStatus < 200 || context.httpStatus >= 300 || grid.stepMs <= 0)
        return false;
    PrometheusMatrixScanner::Split split;
    if (!PrometheusMatrixScanner::split(body, &split))
        return false;
    std::vector<std::vector<double>> values(split.values.size());
    std::vector<char> ok(split.values.size(), 1); // not vector<bool>: threads write neighbouring flags
    auto read = [&](size_t i) {
        if (!split.values[i].empty())
            ok[i] = PrometheusMatrixScanner::readValues(split.values[i], grid, &values[i]) ? 1 : 0;
    };
    // Series are independent: with a pool, they are read in parallel (this thread takes part, so a pool
    // this call already runs on cannot deadlock).
    if (pool && values.size() > 1) {
        std::vector<size_t> indices(values.size());
        std::iota(indices.begin(), indices.end(), size_t(0));
        QtConcurrent::blockingMap(pool, indices, read);
    } else {
        for (size_t i = 0; i < values.size(); ++i)
            read(i);
    }
    if (std::find(ok.begin(), ok.end(), 0) != ok.end())
        return false;
    QueryReader reader(grid, &values);
    if (!readEnvelope(
            split.skeleton, context, warnings, nullptr, [&](dom::element data) { reader.readData(data); }))
        return false;
    *raw = reader.takeSeries();
    return true;
}

} // namespace

bool PrometheusParser::parseQuery(const QByteArray &body, const Context &context, const Grid &grid,
    const QString &legendLabel, const QString &singleName, QueryResult *result, SourceError *error,
    QThreadPool *pool)
{
    const Grid checked { grid.startMs, std::max<qint64>(grid.stepMs, 0),
        grid.stepMs > 0 ? std::max(grid.points, 0) : 1 };
    std::vector<RawSeries> raw;
    QStringList warnings;
    if (!readMatrix(body, context, checked, pool, &raw, &warnings)) {
        warnings.clear();
        QueryReader reader(checked);
        if (!readEnvelope(body, context, &warnings, error, [&](dom::element data) { reader.readData(data); }))
            return false;
        raw = reader.takeSeries();
    }
    result->startMs = checked.startMs;
    result->stepMs = checked.stepMs;
    result->warnings = warnings;
    result->series.clear();
    result->series.reserve(raw.size());
    for (RawSeries &series : raw) {
        QString name;
        if (!legendLabel.isEmpty()) {
            const auto it = series.labels.find(legendLabel);
            if (it != series.labels.end())
                name = it->second;
        }
        if (name.isEmpty())
            name = raw.size() == 1 && !singleName.isEmpty() ? singleName : labelSetName(series.labels);
        result->series.push_back(Series { name, std::move(series.labels), std::move(series.values) });
    }
    return true;
}

bool PrometheusParser::parseAlerts(
    const QByteArray &body, const Context &context, std::vector<PrometheusAlert> *alerts, SourceError *error)
{
    alerts->clear();
    return readEnvelope(body, context, nullptr, error, [&](dom::element data) {
        for (const dom::key_value_pair field : dom::object(data)) {
            if (field.key != "alerts")
                continue;
            for (const dom::element element : dom::array(field.value)) {
                PrometheusAlert alert;
                for (const dom::key_value_pair item : dom::object(element)) {
                    const std::string_view key = item.key;
                    if (key == "labels")
                        alert.labels = readStringMap(item.value);
                    else if (key == "annotations")
                        alert.annotations = readStringMap(item.value);
                    else if (key == "state")
                        alert.state = toQString(item.value.get_string());
                    else if (key == "activeAt")
                        alert.activeAtMs = parseTimestamp(item.value.get_string());
                    else if (key == "value")
                        alert.value = parseSampleValue(item.value.get_string());
                }
                const auto name = alert.labels.find(QStringLiteral("alertname"));
                if (name != alert.labels.end())
                    alert.name = name->second;
                alerts->push_back(std::move(alert));
            }
        }
    });
}

bool PrometheusParser::parseTargets(const QByteArray &body, const Context &context,
    std::vector<PrometheusTarget> *targets, SourceError *error)
{
    targets->clear();
    return readEnvelope(body, context, nullptr, error, [&](dom::element data) {
        for (const dom::key_value_pair field : dom::object(data)) {
            if (field.key != "activeTargets")
                continue;
            for (const dom::element element : dom::array(field.value)) {
                PrometheusTarget target;
                for (const dom::key_value_pair item : dom::object(element)) {
                    const std::string_view key = item.key;
                    if (key == "labels") {
                        target.labels = readStringMap(item.value);
                    } else if (key == "scrapePool") {
                        target.scrapePool = toQString(item.value.get_string());
                    } else if (key == "scrapeUrl") {
                        target.scrapeUrl = toQString(item.value.get_string());
                    } else if (key == "lastError") {
                        target.lastError = toQString(item.value.get_string());
                    } else if (key == "lastScrape") {
                        target.lastScrapeMs = parseTimestamp(item.value.get_string());
                    } else if (key == "health") {
                        const std::string_view health = item.value.get_string();
                        target.health = health == "up" ? PrometheusTarget::Health::Up
                            : health == "down"         ? PrometheusTarget::Health::Down
                                                       : PrometheusTarget::Health::Unknown;
                    }
                }
                targets->push_back(std::move(target));
            }
        }
    });
}

bool PrometheusParser::parseStringList(
    const QByteArray &body, const Context &context, QStringList *strings, SourceError *error)
{
    strings->clear();
    return readEnvelope(
        body, context, nullptr, error, [&](dom::element data) { *strings = readStrings(data); });
}

bool PrometheusParser::parseSeries(const QByteArray &body, const Context &context,
    std::vector<std::map<QString, QString>> *series, SourceError *error)
{
    series->clear();
    return readEnvelope(body, context, nullptr, error, [&](dom::element data) {
        for (const dom::element element : dom::array(data))
            series->push_back(readStringMap(element));
    });
}

bool PrometheusParser::parseBuildInfo(
    const QByteArray &body, const Context &context, std::map<QString, QString> *info, SourceError *error)
{
    info->clear();
    return readEnvelope(body, context, nullptr, error, [&](dom::element data) {
        for (const dom::key_value_pair field : dom::object(data)) {
            const QString key = toQString(field.key);
            if (field.value.type() == dom::element_type::STRING)
                info->emplace(key, toQString(field.value.get_string()));
        }
    });
}
