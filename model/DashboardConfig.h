#pragma once

#include "GpuPeakTable.h"
#include "PrometheusClient.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

// The user's configuration, kept in an INI file (--config FILE, or the platform's config folder):
//
//   [prometheus]
//   url=https://metrics.example.org/prometheus     ; with any path prefix
//   auth=bearer                                     ; none, basic or bearer
//   username=dashboard                              ; basic only
//   secret_file=/etc/aisc/prometheus-token          ; or: secret_env=AISC_PROMETHEUS_TOKEN
//                                                   ; or: secret_keyring=prometheus (desktop keyring entry)
//   ca_file=/etc/aisc/centre-ca.pem
//   insecure_skip_tls_verify=false
//   timeout_s=30
//   [headers]
//   X-Scope-OrgID=aisc
//   [queries]
//   gpu_util_by_partition=avg by (partition) (DCGM_FI_DEV_GPU_UTIL{job="dcgm"})
//   [display]
//   language=zh_HK
//   refresh_interval_s=15
//   theme=dark                                      ; light or dark
//   range=7d                                        ; the time range at start: 1h 6h 24h 7d 30d 90d 1y
//   precision=fp16                                  ; peak counted as capacity: fp16 (dense FP16/BF16) or fp8
//   [thresholds]                                    ; when a headline tile turns amber or red; tiles:
//   jobs_pending_warning=200                        ; installed gpu_util jobs_running jobs_pending gpus_down
//   jobs_pending_critical=500
//   [allocations]
//   univ-a-nlp=250000                               ; GPU-hours granted to the account
//   [accounts]
//   ai_subsidy_scheme=aiss-*, lab-x-project         ; AI Subsidy Scheme projects: names or wildcards
//   [cache]
//   max_age_days=400                                ; data older than this is deleted, 1 to 3650
//   max_size_mb=2048                                ; oldest data deleted beyond this, 16 to 1048576
//   [presentation]
//   slides=headline, roadmap, utilisation, jobs, equivalences   ; shown in this order
//   interval_s=20                                   ; seconds per slide, 5 to 3600
//
// Secrets are never kept in it: a token or password comes from the file, environment variable or
// keyring entry it names, and a file that holds one (password=, token=) is refused.
struct DashboardConfig
{
    Q_DECLARE_TR_FUNCTIONS(DashboardConfig)
public:
    // No server: the dashboard runs on the simulated centre.
    std::optional<PrometheusServer> prometheus;
    // Query id to PromQL, replacing the catalogue's expression.
    std::map<QString, QString> promqlOverrides;
    QString language; // "en", "zh_HK", or empty for the system's
    int refreshIntervalS = 15;
    bool darkTheme = false;
    QString range = QStringLiteral("24h");
    // Headline tile thresholds by KPI id; NaN keeps the built-in one.
    struct Thresholds
    {
        double warning = qQNaN();
        double critical = qQNaN();
    };
    std::map<QString, Thresholds> thresholds;
    int cacheMaxAgeDays = 400;
    int cacheMaxSizeMb = 2048;
    // What [cache] accepts, in the file and in the settings dialog.
    static constexpr int MinCacheMaxAgeDays = 1, MaxCacheMaxAgeDays = 3650;
    static constexpr int MinCacheMaxSizeMb = 16, MaxCacheMaxSizeMb = 1048576;
    // Which peak counts as installed and delivered compute on the Capacity page.
    Precision precision = Precision::DenseFp16Bf16;
    // GPU-hours granted per account (e.g. an AI Subsidy Scheme award); the Queue page shows the share
    // of it that the range shown used.
    std::map<QString, double> allocations;
    // Names or wildcard patterns (aiss-*) of the accounts that are AI Subsidy Scheme projects.
    QStringList subsidyAccounts;
    // Presentation mode: the slides shown (SlideShow::slideIds(), in order) and seconds per slide.
    QStringList presentationSlides = defaultPresentationSlides();
    int presentationIntervalS = 20;

    bool isSubsidyAccount(const QString &account) const { return matchesAny(subsidyAccounts, account); }
    // Whether name is one of the names or matches one of the wildcard patterns (*, ?, [...]).
    static bool matchesAny(const QStringList &patterns, const QString &name);

    static QStringList defaultPresentationSlides();

    // The file used when --config names none.
    static QString defaultPath();
    // Reads a config file. A missing file is an error only when mustExist (it was named on the
    // command line). Every error names the file, the key and what was expected.
    static std::optional<DashboardConfig> load(const QString &path, bool mustExist, QString *error);
    // Writes the config (the settings dialog); secrets are never written, only where they are.
    bool save(const QString &path, QString *error) const;

    // Checks an extra request header: the name an HTTP token (letters, digits, !#$%&'*+-.^_`|~), the value
    // free of control characters other than tab (a line break would start another header), and not one
    // that carries a credential (Authorization, Cookie, X-API-Key, *token*, ...), which has no place in
    // the file. On error says what was wrong, naming the header.
    static bool checkHeader(const QString &name, const QString &value, QString *error);

    // Checks a server URL as typed by a user: http or https, with a host. Returns it without
    // trailing slash; on error says what was wrong, naming the text.
    static std::optional<QUrl> parseServerUrl(const QString &text, QString *error);
};
