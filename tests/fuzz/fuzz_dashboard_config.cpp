// libFuzzer target: bytes as the INI config file. Loading must not crash, and a config that loads
// must save and load back unchanged (the settings dialog saves what the user had).
#include "DashboardConfig.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
[[noreturn]] void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz_dashboard_config: %s %s\n", what, qPrintable(detail));
    std::abort();
}

bool sameNumber(double a, double b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

void compare(const DashboardConfig &a, const DashboardConfig &b)
{
    if (a.prometheus.has_value() != b.prometheus.has_value())
        fail("the server was lost or invented");
    if (a.prometheus) {
        const PrometheusServer &x = *a.prometheus;
        const PrometheusServer &y = *b.prometheus;
        if (x.baseUrl != y.baseUrl)
            fail("url changed:", x.baseUrl.toString() + QStringLiteral(" -> ") + y.baseUrl.toString());
        if (x.headers != y.headers) {
            QString both;
            for (const auto *headers : { &x.headers, &y.headers }) {
                both += QStringLiteral(" |");
                for (const auto &[name, value] : *headers)
                    both += QString::fromLatin1(
                        name.toPercentEncoding() + ": " + value.toPercentEncoding() + "; ");
            }
            fail("headers changed:", both);
        }
        if (x.auth != y.auth || x.username != y.username || x.secretFile != y.secretFile
            || x.secretEnvironmentVariable != y.secretEnvironmentVariable
            || x.secretKeyring != y.secretKeyring || x.caFile != y.caFile
            || x.insecureSkipTlsVerify != y.insecureSkipTlsVerify
            || x.limits.deadlineMs != y.limits.deadlineMs)
            fail("server settings changed");
    }
    if (a.promqlOverrides != b.promqlOverrides)
        fail("query overrides changed");
    if (a.language != b.language || a.refreshIntervalS != b.refreshIntervalS || a.darkTheme != b.darkTheme
        || a.range != b.range || a.precision != b.precision)
        fail("display settings changed");
    if (a.thresholds.size() != b.thresholds.size())
        fail("thresholds changed");
    for (const auto &[id, t] : a.thresholds) {
        const auto it = b.thresholds.find(id);
        if (it == b.thresholds.end() || !sameNumber(t.warning, it->second.warning)
            || !sameNumber(t.critical, it->second.critical))
            fail("threshold changed:", id);
    }
    if (a.allocations != b.allocations)
        fail("allocations changed");
    if (a.subsidyAccounts != b.subsidyAccounts)
        fail("subsidy accounts changed:",
            a.subsidyAccounts.join(u'|') + QStringLiteral(" -> ") + b.subsidyAccounts.join(u'|'));
    if (a.cacheMaxAgeDays != b.cacheMaxAgeDays || a.cacheMaxSizeMb != b.cacheMaxSizeMb)
        fail("cache limits changed");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    static const QString input = dir.filePath(QStringLiteral("input.conf"));
    static const QString saved = dir.filePath(QStringLiteral("saved.conf"));
    static qint64 counter = 0;
    {
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            fail("cannot write", input);
        file.write(reinterpret_cast<const char *>(data), qint64(size));
        // QSettings keeps a parsed file and reads it again only when its time stamp or size changed: a
        // time stamp of its own for each input keeps one input's config from standing in for the next.
        // (A new file name each time would keep every parsed file, and leak checks would scan them all.)
        file.setFileTime(
            QDateTime::fromSecsSinceEpoch(1000000000 + ++counter), QFileDevice::FileModificationTime);
    }
    QString error;
    const std::optional<DashboardConfig> config = DashboardConfig::load(input, true, &error);
    if (config) {
        if (!config->save(saved, &error))
            fail("save failed:", error);
        const std::optional<DashboardConfig> reloaded = DashboardConfig::load(saved, true, &error);
        if (!reloaded)
            fail("the saved config does not load:", error);
        compare(*config, *reloaded);
    } else if (error.isEmpty()) {
        fail("refused without a message");
    }
    return 0;
}
