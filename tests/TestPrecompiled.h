// The headers nearly every test includes, precompiled once for each folder of tests (see
// tests/CMakeLists.txt). Qt and the standard library only: a project header here would rebuild every
// test when it changes.
#pragma once

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QObject>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QVector>

#include <cmath>
#include <memory>
#include <vector>
