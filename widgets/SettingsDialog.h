#pragma once

#include "DashboardConfig.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;

// Edits the user's configuration: which source, how to reach and trust the Prometheus server,
// and display settings. Secrets are never typed here: the dialog names the file or environment
// variable that holds them. OK is refused, with the reason shown, while a field is invalid.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const DashboardConfig &config, QWidget *parent = nullptr);

    // The configuration as edited; valid once the dialog was accepted.
    DashboardConfig config() const { return m_config; }
    // Builds a configuration from the fields; on error returns nullopt and says what is wrong.
    std::optional<DashboardConfig> configFromFields(QString *error) const;

    void accept() override;

    // For tests: the fields by name.
    QLineEdit *urlEdit() const { return m_url; }
    QRadioButton *prometheusButton() const { return m_usePrometheus; }
    QComboBox *authBox() const { return m_auth; }
    QLineEdit *secretEnvEdit() const { return m_secretEnv; }
    QPlainTextEdit *headersEdit() const { return m_headers; }
    QLabel *errorLabel() const { return m_error; }
    QSpinBox *cacheMaxAgeBox() const { return m_cacheMaxAge; }
    QSpinBox *cacheMaxSizeBox() const { return m_cacheMaxSize; }

private:
    void updateEnabled();

    DashboardConfig m_config;
    QRadioButton *m_useSimulation;
    QRadioButton *m_usePrometheus;
    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_username;
    QLineEdit *m_secretFile;
    QLineEdit *m_secretEnv;
    QLineEdit *m_secretKeyring;
    QLineEdit *m_caFile;
    QCheckBox *m_insecure;
    QPlainTextEdit *m_headers;
    QSpinBox *m_timeout;
    QSpinBox *m_refresh;
    QComboBox *m_language;
    QSpinBox *m_cacheMaxAge;
    QSpinBox *m_cacheMaxSize;
    QLabel *m_error;
};
