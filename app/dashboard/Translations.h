#pragma once

#include <QString>

class QCoreApplication;

// Loads the UI language: the dashboard's own translations and Qt's, and the matching locale for
// numbers and dates. language is "en" or "zh_HK"; empty picks from the system locale.
// Returns the language in effect. Called again at run time, it replaces the translations installed
// before, and every widget retranslates itself.
QString installTranslations(const QString &language);
