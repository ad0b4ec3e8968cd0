#include "DashboardConfig.h"

#include "KpiModel.h"
#include "SlideShow.h"
#include "ViewRange.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace {
const QStringList supportedLanguages { QStringLiteral("en"), QStringLiteral("zh_HK") };
const QStringList forbiddenSecretKeys { QStringLiteral("prometheus/password"),
    QStringLiteral("prometheus/token"), QStringLiteral("prometheus/bearer_token") };

// QSettings reads an unquoted value with commas as a list; PromQL and headers have commas.
QString stringValue(const QSettings &settings, const QString &key, const QString &fallback = {})
{
    const QVariant value = settings.value(key, fallback);
    if (value.typeId() == QMetaType::QStringList)
        return value.toStringList().join(QLatin1String(", "));
    return value.toString();
}

// The entries of a comma-separated list, whichever way QSettings read it.
QStringList listValue(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    QStringList items = value.typeId() == QMetaType::QStringList
        ? value.toStringList()
        : value.toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}
} // namespace

bool DashboardConfig::matchesAny(const QStringList &patterns, const QString &name)
{
    for (const QString &pattern : patterns) {
        const QRegularExpression expression(QRegularExpression::wildcardToRegularExpression(pattern));
        if (expression.match(name).hasMatch())
            return true;
    }
    return false;
}

QString DashboardConfig::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/aisc-dashboard.conf");
}

bool DashboardConfig::checkHeader(const QString &name, const QString &value, QString *error)
{
    static const QRegularExpression token(QStringLiteral("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$"));
    if (!token.match(name).hasMatch()) {
        *error = tr("header '%1': a header name is letters, digits and !#$%&'*+-.^_`|~ only").arg(name);
        return false;
    }
    for (const QChar c : value) {
        if ((c.unicode() < 0x20 && c != QLatin1Char('\t')) || c.unicode() == 0x7f) {
            *error = tr("header %1: the value holds a line break or another control character").arg(name);
            return false;
        }
    }
    // The file and the settings dialog's extra headers are stored in plain text, and their values are
    // not hidden from error messages and logs: a header that carries a credential belongs in auth=.
    static const QRegularExpression credential(
        QStringLiteral("authorization|cookie|token|secret|passw|api-?key|session"),
        QRegularExpression::CaseInsensitiveOption);
    if (credential.match(name).hasMatch()) {
        *error = tr("header %1 would carry a credential, and secrets are not kept in the config file: use "
                    "auth=bearer or auth=basic, with the secret in a file (secret_file), an environment "
                    "variable (secret_env) or the desktop keyring (secret_keyring)")
                     .arg(name);
        return false;
    }
    return true;
}

std::optional<QUrl> DashboardConfig::parseServerUrl(const QString &text, QString *error)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed()).adjusted(QUrl::StripTrailingSlash);
    const bool hasScheme = text.trimmed().startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || text.trimmed().startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
    if (!hasScheme || !url.isValid() || url.host().isEmpty()) {
        *error = tr("'%1' is not a server URL: expected http:// or https:// followed by a host, e.g. "
                    "http://prometheus.example.org:9090")
                     .arg(text);
        return std::nullopt;
    }
    if (url.hasQuery() || url.hasFragment()) {
        *error = tr("'%1' is not a server URL: it must not have a query (?) or fragment (#)").arg(text);
        return std::nullopt;
    }
    return url;
}

std::optional<DashboardConfig> DashboardConfig::load(const QString &path, bool mustExist, QString *error)
{
    auto fail = [&](const QString &what) {
        *error = tr("Config file %1: %2").arg(path, what);
        return std::optional<DashboardConfig>();
    };
    DashboardConfig config;
    const QFileInfo info(path);
    if (!info.exists()) {
        if (mustExist)
            return fail(tr("no such file"));
        return config;
    }
    if (!info.isFile() || !info.isReadable())
        return fail(tr("not a readable file"));

    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return fail(tr("not a valid INI file"));

    for (const QString &key : forbiddenSecretKeys) {
        if (settings.contains(key))
            return fail(
                tr("%1: secrets are not kept in the config file; put the secret in a file and name it "
                   "with secret_file, in an environment variable named with secret_env, or in the desktop "
                   "keyring under an entry named with secret_keyring")
                    .arg(key));
    }

    const QString urlText = stringValue(settings, QStringLiteral("prometheus/url"));
    if (!urlText.isEmpty()) {
        QString urlError;
        const std::optional<QUrl> url = parseServerUrl(urlText, &urlError);
        if (!url)
            return fail(QStringLiteral("[prometheus] url: ") + urlError);
        // A password there would be a secret in the file, and the settings dialog saves the URL without
        // user info; the URL is not repeated, since it may hold one.
        if (!url->userInfo().isEmpty())
            return fail(tr("[prometheus] url: put no user name or password in the URL; use auth=basic with "
                           "username= and secret_file, secret_env or secret_keyring"));
        PrometheusServer server;
        server.baseUrl = *url;

        const QString auth = stringValue(settings, QStringLiteral("prometheus/auth"), QStringLiteral("none"));
        if (auth == QLatin1String("none"))
            server.auth = PrometheusServer::Auth::None;
        else if (auth == QLatin1String("basic"))
            server.auth = PrometheusServer::Auth::Basic;
        else if (auth == QLatin1String("bearer"))
            server.auth = PrometheusServer::Auth::Bearer;
        else
            return fail(tr("[prometheus] auth '%1': expected none, basic or bearer").arg(auth));
        server.username = stringValue(settings, QStringLiteral("prometheus/username"));
        server.secretFile = stringValue(settings, QStringLiteral("prometheus/secret_file"));
        server.secretEnvironmentVariable = stringValue(settings, QStringLiteral("prometheus/secret_env"));
        server.secretKeyring = stringValue(settings, QStringLiteral("prometheus/secret_keyring"));
        if (server.auth == PrometheusServer::Auth::Basic && server.username.isEmpty())
            return fail(tr("[prometheus] auth=basic needs a username"));
        if (server.auth != PrometheusServer::Auth::None && server.secretFile.isEmpty()
            && server.secretEnvironmentVariable.isEmpty() && server.secretKeyring.isEmpty())
            return fail(tr("[prometheus] auth=%1 needs secret_file, secret_env or secret_keyring").arg(auth));
        server.caFile = stringValue(settings, QStringLiteral("prometheus/ca_file"));
        if (!server.caFile.isEmpty() && !QFileInfo(server.caFile).isReadable())
            return fail(tr("[prometheus] ca_file %1 cannot be read").arg(server.caFile));

        const QString insecure = stringValue(
            settings, QStringLiteral("prometheus/insecure_skip_tls_verify"), QStringLiteral("false"));
        if (insecure != QLatin1String("true") && insecure != QLatin1String("false"))
            return fail(
                tr("[prometheus] insecure_skip_tls_verify '%1': expected true or false").arg(insecure));
        server.insecureSkipTlsVerify = insecure == QLatin1String("true");

        bool ok = false;
        const int timeoutS = settings.value(QStringLiteral("prometheus/timeout_s"), 30).toInt(&ok);
        if (!ok || timeoutS < 1 || timeoutS > 600)
            return fail(tr("[prometheus] timeout_s '%1': expected whole seconds from 1 to 600")
                            .arg(stringValue(settings, QStringLiteral("prometheus/timeout_s"))));
        server.limits.deadlineMs = timeoutS * 1000;

        settings.beginGroup(QStringLiteral("headers"));
        const QStringList headerNames = settings.childKeys();
        for (const QString &name : headerNames) {
            const QString value = stringValue(settings, name);
            QString headerError;
            if (!checkHeader(name, value, &headerError))
                return fail(QStringLiteral("[headers] ") + headerError);
            server.headers.emplace_back(name.toLatin1(), value.toUtf8());
        }
        settings.endGroup();
        config.prometheus = server;
    }

    settings.beginGroup(QStringLiteral("queries"));
    const QStringList queryIds = settings.childKeys();
    for (const QString &id : queryIds) {
        const QString promql = stringValue(settings, id).trimmed();
        if (promql.isEmpty())
            return fail(tr("[queries] %1 is empty: expected a PromQL expression").arg(id));
        config.promqlOverrides.emplace(id, promql);
    }
    settings.endGroup();

    config.language = stringValue(settings, QStringLiteral("display/language"));
    if (!config.language.isEmpty() && !supportedLanguages.contains(config.language))
        return fail(tr("[display] language '%1': expected en or zh_HK").arg(config.language));
    bool ok = false;
    config.refreshIntervalS = settings.value(QStringLiteral("display/refresh_interval_s"), 15).toInt(&ok);
    if (!ok || config.refreshIntervalS < 5 || config.refreshIntervalS > 3600)
        return fail(tr("[display] refresh_interval_s '%1': expected whole seconds from 5 to 3600")
                        .arg(stringValue(settings, QStringLiteral("display/refresh_interval_s"))));
    const QString theme = stringValue(settings, QStringLiteral("display/theme")).trimmed().toLower();
    if (!theme.isEmpty() && theme != QLatin1String("light") && theme != QLatin1String("dark"))
        return fail(tr("[display] theme '%1': expected light or dark").arg(theme));
    config.darkTheme = theme == QLatin1String("dark");
    const QString range = stringValue(settings, QStringLiteral("display/range")).trimmed();
    if (!range.isEmpty()) {
        if (ViewRange::presetFromString(range) == ViewRange::Preset::Custom)
            return fail(tr("[display] range '%1': expected 1h, 6h, 24h, 7d, 30d, 90d or 1y").arg(range));
        config.range = range.toLower();
    }
    settings.beginGroup(QStringLiteral("thresholds"));
    const QStringList thresholdKeys = settings.childKeys();
    std::vector<QString> kpiIds;
    for (const KpiDefinition &definition : KpiModel::overviewDefinitions())
        kpiIds.push_back(definition.id);
    for (const QString &key : thresholdKeys) {
        const bool warning = key.endsWith(QLatin1String("_warning"));
        const bool critical = key.endsWith(QLatin1String("_critical"));
        const QString id = key.left(key.lastIndexOf(QLatin1Char('_')));
        if ((!warning && !critical) || std::find(kpiIds.begin(), kpiIds.end(), id) == kpiIds.end())
            return fail(tr("[thresholds] %1: expected <tile>_warning or <tile>_critical, the tile one of %2")
                            .arg(key, QStringList(kpiIds.begin(), kpiIds.end()).join(QLatin1String(", "))));
        const QString text = stringValue(settings, key);
        const double value = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return fail(tr("[thresholds] %1 '%2': expected a number").arg(key, text));
        (warning ? config.thresholds[id].warning : config.thresholds[id].critical) = value;
    }
    settings.endGroup();
    const QString precision
        = stringValue(settings, QStringLiteral("display/precision"), QStringLiteral("fp16")).trimmed();
    const std::optional<Precision> parsedPrecision = parsePrecision(precision);
    if (!parsedPrecision)
        return fail(tr("[display] precision '%1': expected fp16 (dense FP16/BF16) or fp8 (dense FP8)")
                        .arg(precision));
    config.precision = *parsedPrecision;

    settings.beginGroup(QStringLiteral("allocations"));
    const QStringList accounts = settings.childKeys();
    for (const QString &account : accounts) {
        const QString text = stringValue(settings, account).trimmed();
        const double hours = text.toDouble(&ok);
        if (!ok || !std::isfinite(hours) || hours <= 0)
            return fail(tr("[allocations] %1 '%2': expected the GPU-hours granted, a positive number such as "
                           "250000 (without grouping commas)")
                            .arg(account, text));
        config.allocations.emplace(account, hours);
    }
    settings.endGroup();
    config.subsidyAccounts = listValue(settings, QStringLiteral("accounts/ai_subsidy_scheme"));

    config.cacheMaxAgeDays = settings.value(QStringLiteral("cache/max_age_days"), 400).toInt(&ok);
    if (!ok || config.cacheMaxAgeDays < MinCacheMaxAgeDays || config.cacheMaxAgeDays > MaxCacheMaxAgeDays)
        return fail(tr("[cache] max_age_days '%1': expected whole days from %2 to %3")
                        .arg(stringValue(settings, QStringLiteral("cache/max_age_days")))
                        .arg(MinCacheMaxAgeDays)
                        .arg(MaxCacheMaxAgeDays));
    config.cacheMaxSizeMb = settings.value(QStringLiteral("cache/max_size_mb"), 2048).toInt(&ok);
    if (!ok || config.cacheMaxSizeMb < MinCacheMaxSizeMb || config.cacheMaxSizeMb > MaxCacheMaxSizeMb)
        return fail(tr("[cache] max_size_mb '%1': expected whole megabytes from %2 to %3")
                        .arg(stringValue(settings, QStringLiteral("cache/max_size_mb")))
                        .arg(MinCacheMaxSizeMb)
                        .arg(MaxCacheMaxSizeMb));

    if (settings.contains(QStringLiteral("presentation/slides"))) {
        config.presentationSlides = listValue(settings, QStringLiteral("presentation/slides"));
        const QStringList known = SlideShow::slideIds();
        const auto unknown = std::find_if(config.presentationSlides.cbegin(),
            config.presentationSlides.cend(), [&](const QString &id) { return !known.contains(id); });
        if (config.presentationSlides.isEmpty() || unknown != config.presentationSlides.cend())
            return fail(tr("[presentation] slides '%1': expected a comma-separated list of %2")
                            .arg(stringValue(settings, QStringLiteral("presentation/slides")),
                                known.join(QLatin1String(", "))));
    }
    config.presentationIntervalS = settings.value(QStringLiteral("presentation/interval_s"), 20).toInt(&ok);
    if (!ok || config.presentationIntervalS < 5 || config.presentationIntervalS > 3600)
        return fail(tr("[presentation] interval_s '%1': expected whole seconds from 5 to 3600")
                        .arg(stringValue(settings, QStringLiteral("presentation/interval_s"))));
    return config;
}

QStringList DashboardConfig::defaultPresentationSlides()
{
    return SlideShow::slideIds();
}

bool DashboardConfig::save(const QString &path, QString *error) const
{
    QSettings settings(path, QSettings::IniFormat);
    settings.clear();
    if (prometheus) {
        const PrometheusServer &server = *prometheus;
        // Credentials in the URL would be a secret in plain text: they are never written.
        settings.setValue(QStringLiteral("prometheus/url"),
            server.baseUrl.adjusted(QUrl::RemoveUserInfo).toString(QUrl::FullyEncoded));
        const char *auth = server.auth == PrometheusServer::Auth::Basic ? "basic"
            : server.auth == PrometheusServer::Auth::Bearer             ? "bearer"
                                                                        : "none";
        settings.setValue(QStringLiteral("prometheus/auth"), QLatin1String(auth));
        if (!server.username.isEmpty())
            settings.setValue(QStringLiteral("prometheus/username"), server.username);
        if (!server.secretFile.isEmpty())
            settings.setValue(QStringLiteral("prometheus/secret_file"), server.secretFile);
        if (!server.secretEnvironmentVariable.isEmpty())
            settings.setValue(QStringLiteral("prometheus/secret_env"), server.secretEnvironmentVariable);
        if (!server.secretKeyring.isEmpty())
            settings.setValue(QStringLiteral("prometheus/secret_keyring"), server.secretKeyring);
        if (!server.caFile.isEmpty())
            settings.setValue(QStringLiteral("prometheus/ca_file"), server.caFile);
        settings.setValue(QStringLiteral("prometheus/insecure_skip_tls_verify"),
            server.insecureSkipTlsVerify ? QStringLiteral("true") : QStringLiteral("false"));
        settings.setValue(QStringLiteral("prometheus/timeout_s"), server.limits.deadlineMs / 1000);
        for (const auto &[name, value] : server.headers)
            settings.setValue(
                QStringLiteral("headers/") + QString::fromLatin1(name), QString::fromUtf8(value));
    }
    for (const auto &[id, promql] : promqlOverrides)
        settings.setValue(QStringLiteral("queries/") + id, promql);
    if (!language.isEmpty())
        settings.setValue(QStringLiteral("display/language"), language);
    settings.setValue(QStringLiteral("display/refresh_interval_s"), refreshIntervalS);
    settings.setValue(
        QStringLiteral("display/theme"), darkTheme ? QStringLiteral("dark") : QStringLiteral("light"));
    settings.setValue(QStringLiteral("display/range"), range);
    for (const auto &[id, t] : thresholds) {
        if (!std::isnan(t.warning))
            settings.setValue(QStringLiteral("thresholds/%1_warning").arg(id), t.warning);
        if (!std::isnan(t.critical))
            settings.setValue(QStringLiteral("thresholds/%1_critical").arg(id), t.critical);
    }
    settings.setValue(QStringLiteral("display/precision"), precisionKey(precision));
    for (const auto &[account, hours] : allocations)
        settings.setValue(QStringLiteral("allocations/") + account, hours);
    if (!subsidyAccounts.isEmpty())
        settings.setValue(QStringLiteral("accounts/ai_subsidy_scheme"), subsidyAccounts);
    settings.setValue(QStringLiteral("cache/max_age_days"), cacheMaxAgeDays);
    settings.setValue(QStringLiteral("cache/max_size_mb"), cacheMaxSizeMb);
    settings.setValue(QStringLiteral("presentation/slides"), presentationSlides.join(QLatin1String(", ")));
    settings.setValue(QStringLiteral("presentation/interval_s"), presentationIntervalS);
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        *error = tr("Config file %1 could not be written").arg(path);
        return false;
    }
    return true;
}
