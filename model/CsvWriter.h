#pragma once

#include "QueryResult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QAbstractItemModel;

struct CsvOptions
{
    // A UTF-8 byte-order mark first, for spreadsheet programs that otherwise guess another
    // encoding and garble names in Chinese.
    bool byteOrderMark = false;
};

// Comma-separated values as spreadsheets and scripts read them (RFC 4180: CRLF line ends, fields
// with commas, quotes or line breaks quoted). Numbers are written exactly, in the shortest form
// that reads back as the same double, with a '.' decimal point whatever the locale; a gap is an
// empty field.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(CsvWriter)
public:
    // A chart's data: one row per timestamp (ISO-8601 UTC), one column per series named by its
    // legend with the catalogue's unit in the header, e.g. "time (UTC),batch (%),interactive (%)", in
    // English whatever the interface language, so that scripts can rely on the names.
    static QByteArray fromResult(
        const QueryResult &result, const QString &unit, const CsvOptions &options = {});
    // A table: its header and rows as shown, except that a cell with a number under rawRole is
    // written as that number (e.g. 71.25 rather than "71.3%"); rawRole 0 writes what is shown.
    static QByteArray fromTable(
        const QAbstractItemModel &model, int rawRole = 0, const CsvOptions &options = {});

    // Writes data to path atomically (a failed write leaves an older file as it was). On error
    // says what failed, naming the path.
    static bool writeFile(const QString &path, const QByteArray &data, QString *error);

    // The shortest text that reads back as exactly value; empty for NaN.
    static QByteArray number(double value);
    static QByteArray field(const QString &text);
};
