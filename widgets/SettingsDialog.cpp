#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QWidget *withBrowseButton(QLineEdit *edit, const QString &title, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto *browse = new QPushButton(SettingsDialog::tr("Browse…"), row);
    QObject::connect(browse, &QPushButton::clicked, row, [edit, title, row] {
        const QString path = QFileDialog::getOpenFileName(row, title, edit->text());
        if (!path.isEmpty())
            edit->setText(path);
    });
    layout->addWidget(browse);
    return row;
}
} // namespace

SettingsDialog::SettingsDialog(const DashboardConfig &config, QWidget *parent)
    : QDialog(parent)
    , m_config(config)
    , m_useSimulation(new QRadioButton(tr("The built-in simulated centre"), this))
    , m_usePrometheus(new QRadioButton(tr("A Prometheus-compatible server"), this))
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_username(new QLineEdit(this))
    , m_secretFile(new QLineEdit(this))
    , m_secretEnv(new QLineEdit(this))
    , m_secretKeyring(new QLineEdit(this))
    , m_caFile(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Skip TLS certificate verification for this server (insecure)"), this))
    , m_headers(new QPlainTextEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_refresh(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_cacheMaxAge(new QSpinBox(this))
    , m_cacheMaxSize(new QSpinBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("SettingsDialog"));

    m_url->setPlaceholderText(QStringLiteral("https://prometheus.example.org:9090"));
    m_auth->addItem(tr("None"), int(PrometheusServer::Auth::None));
    m_auth->addItem(tr("Basic (user name and password)"), int(PrometheusServer::Auth::Basic));
    m_auth->addItem(tr("Bearer token"), int(PrometheusServer::Auth::Bearer));
    m_secretEnv->setPlaceholderText(QStringLiteral("AISC_PROMETHEUS_TOKEN"));
    m_secretKeyring->setPlaceholderText(QStringLiteral("prometheus"));
    m_secretKeyring->setToolTip(
        tr("The name of an entry of the service aisc-dashboard in the desktop keyring "
           "(GNOME Keyring, KWallet)"));
    m_headers->setPlaceholderText(tr("One per line, e.g. X-Scope-OrgID: aisc"));
    m_headers->setMaximumHeight(70);
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(tr(" s"));
    m_refresh->setRange(5, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("繁體中文（香港）"), QStringLiteral("zh_HK"));
    m_cacheMaxAge->setRange(DashboardConfig::MinCacheMaxAgeDays, DashboardConfig::MaxCacheMaxAgeDays);
    m_cacheMaxAge->setSuffix(tr(" days"));
    m_cacheMaxSize->setRange(DashboardConfig::MinCacheMaxSizeMb, DashboardConfig::MaxCacheMaxSizeMb);
    m_cacheMaxSize->setSuffix(tr(" MB"));
    m_cacheMaxSize->setGroupSeparatorShown(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();

    auto *sourceBox = new QGroupBox(tr("Data source"), this);
    auto *sourceLayout = new QVBoxLayout(sourceBox);
    sourceLayout->addWidget(m_useSimulation);
    sourceLayout->addWidget(m_usePrometheus);

    auto *serverBox = new QGroupBox(tr("Prometheus server"), this);
    auto *serverForm = new QFormLayout(serverBox);
    serverForm->addRow(tr("URL, with any path prefix:"), m_url);
    serverForm->addRow(tr("Authentication:"), m_auth);
    serverForm->addRow(tr("User name:"), m_username);
    serverForm->addRow(
        tr("Secret from file:"), withBrowseButton(m_secretFile, tr("File holding the secret"), this));
    serverForm->addRow(tr("or environment variable:"), m_secretEnv);
    serverForm->addRow(tr("or keyring entry:"), m_secretKeyring);
    serverForm->addRow(
        tr("Extra CA certificates:"), withBrowseButton(m_caFile, tr("CA certificates (PEM)"), this));
    serverForm->addRow(QString(), m_insecure);
    serverForm->addRow(tr("Extra headers:"), m_headers);
    serverForm->addRow(tr("Deadline per request:"), m_timeout);

    auto *displayBox = new QGroupBox(tr("Display"), this);
    auto *displayForm = new QFormLayout(displayBox);
    displayForm->addRow(tr("Refresh every:"), m_refresh);
    displayForm->addRow(tr("Language (after a restart):"), m_language);

    auto *cacheBox = new QGroupBox(tr("Cache"), this);
    auto *cacheForm = new QFormLayout(cacheBox);
    cacheForm->addRow(tr("Keep data for:"), m_cacheMaxAge);
    cacheForm->addRow(tr("Largest file size:"), m_cacheMaxSize);
    auto *cacheNote = new QLabel(
        tr("The oldest data is deleted first, and fetched again when a view needs it."), cacheBox);
    cacheNote->setWordWrap(true);
    cacheForm->addRow(cacheNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(sourceBox);
    layout->addWidget(serverBox);
    // Side by side, so that the dialog fits a 1366 x 768 screen.
    auto *lower = new QHBoxLayout;
    lower->addWidget(displayBox);
    lower->addWidget(cacheBox);
    layout->addLayout(lower);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    // Fill the fields from the configuration.
    const PrometheusServer server = config.prometheus.value_or(PrometheusServer {});
    (config.prometheus ? m_usePrometheus : m_useSimulation)->setChecked(true);
    m_url->setText(server.baseUrl.adjusted(QUrl::RemoveUserInfo).toString());
    m_auth->setCurrentIndex(m_auth->findData(int(server.auth)));
    m_username->setText(server.username);
    m_secretFile->setText(server.secretFile);
    m_secretEnv->setText(server.secretEnvironmentVariable);
    m_secretKeyring->setText(server.secretKeyring);
    m_caFile->setText(server.caFile);
    m_insecure->setChecked(server.insecureSkipTlsVerify);
    QStringList headerLines;
    for (const auto &[name, value] : server.headers)
        headerLines.append(QString::fromLatin1(name) + QLatin1String(": ") + QString::fromUtf8(value));
    m_headers->setPlainText(headerLines.join(QLatin1Char('\n')));
    m_timeout->setValue(server.limits.deadlineMs / 1000);
    m_refresh->setValue(config.refreshIntervalS);
    m_language->setCurrentIndex(std::max(0, m_language->findData(config.language)));
    m_cacheMaxAge->setValue(config.cacheMaxAgeDays);
    m_cacheMaxSize->setValue(config.cacheMaxSizeMb);

    connect(m_usePrometheus, &QRadioButton::toggled, this, &SettingsDialog::updateEnabled);
    connect(m_auth, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateEnabled);
    updateEnabled();
}

void SettingsDialog::updateEnabled()
{
    const bool prometheus = m_usePrometheus->isChecked();
    const auto auth = PrometheusServer::Auth(m_auth->currentData().toInt());
    // The file fields sit in a row with their Browse button: enable the row.
    for (QWidget *field : std::initializer_list<QWidget *> {
             m_url, m_auth, m_caFile->parentWidget(), m_insecure, m_headers, m_timeout })
        field->setEnabled(prometheus);
    m_username->setEnabled(prometheus && auth == PrometheusServer::Auth::Basic);
    m_secretFile->parentWidget()->setEnabled(prometheus && auth != PrometheusServer::Auth::None);
    m_secretEnv->setEnabled(prometheus && auth != PrometheusServer::Auth::None);
    m_secretKeyring->setEnabled(prometheus && auth != PrometheusServer::Auth::None);
}

std::optional<DashboardConfig> SettingsDialog::configFromFields(QString *error) const
{
    DashboardConfig config = m_config;
    config.refreshIntervalS = m_refresh->value();
    config.language = m_language->currentData().toString();
    // A spin box keeps its last valid value while its text is not one (e.g. "5" below 16): say so
    // rather than save a value other than the one on screen.
    if (!m_cacheMaxAge->hasAcceptableInput()) {
        *error = tr("Keep data for '%1': expected whole days from %2 to %3.")
                     .arg(m_cacheMaxAge->text())
                     .arg(DashboardConfig::MinCacheMaxAgeDays)
                     .arg(DashboardConfig::MaxCacheMaxAgeDays);
        return std::nullopt;
    }
    if (!m_cacheMaxSize->hasAcceptableInput()) {
        *error = tr("Largest file size '%1': expected whole megabytes from %2 to %3.")
                     .arg(m_cacheMaxSize->text(), QLocale().toString(DashboardConfig::MinCacheMaxSizeMb),
                         QLocale().toString(DashboardConfig::MaxCacheMaxSizeMb));
        return std::nullopt;
    }
    config.cacheMaxAgeDays = m_cacheMaxAge->value();
    config.cacheMaxSizeMb = m_cacheMaxSize->value();
    if (!m_usePrometheus->isChecked()) {
        config.prometheus.reset();
        return config;
    }
    const std::optional<QUrl> url = DashboardConfig::parseServerUrl(m_url->text(), error);
    if (!url)
        return std::nullopt;
    if (!url->userInfo().isEmpty()) {
        *error = tr("Put no user name or password in the URL: choose Basic authentication and name the file "
                    "or environment variable that holds the password.");
        return std::nullopt;
    }
    PrometheusServer server = m_config.prometheus.value_or(PrometheusServer {});
    server.baseUrl = *url;
    server.auth = PrometheusServer::Auth(m_auth->currentData().toInt());
    server.username = m_username->text().trimmed();
    server.secretFile = m_secretFile->text().trimmed();
    server.secretEnvironmentVariable = m_secretEnv->text().trimmed();
    server.secretKeyring = m_secretKeyring->text().trimmed();
    server.caFile = m_caFile->text().trimmed();
    server.insecureSkipTlsVerify = m_insecure->isChecked();
    server.limits.deadlineMs = m_timeout->value() * 1000;
    if (server.auth == PrometheusServer::Auth::Basic && server.username.isEmpty()) {
        *error = tr("Basic authentication needs a user name.");
        return std::nullopt;
    }
    if (server.auth != PrometheusServer::Auth::None && server.secretFile.isEmpty()
        && server.secretEnvironmentVariable.isEmpty() && server.secretKeyring.isEmpty()) {
        *error = tr("Name the file, the environment variable or the keyring entry that holds the secret.");
        return std::nullopt;
    }
    server.headers.clear();
    const QStringList lines = m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString name = line.left(colon).trimmed();
        if (colon <= 0 || name.contains(QLatin1Char(' '))) {
            *error = tr("Header line '%1': expected Name: value").arg(line.trimmed());
            return std::nullopt;
        }
        const QString value = line.mid(colon + 1).trimmed();
        if (!DashboardConfig::checkHeader(name, value, error))
            return std::nullopt;
        server.headers.emplace_back(name.toLatin1(), value.toUtf8());
    }
    config.prometheus = server;
    return config;
}

void SettingsDialog::accept()
{
    QString error;
    const std::optional<DashboardConfig> config = configFromFields(&error);
    if (!config) {
        m_error->setText(error);
        m_error->show();
        // The message needs room: the dialog grows to fit it rather than squeeze the fields (the
        // extra headers' box lost its second line).
        layout()->activate();
        resize(size().expandedTo(sizeHint()));
        return;
    }
    m_config = *config;
    QDialog::accept();
}
