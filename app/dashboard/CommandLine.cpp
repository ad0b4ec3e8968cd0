#include "CommandLine.h"

#include "DashboardConfig.h"
#include "ViewRange.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>

QStringList CommandLine::supportedLanguages()
{
    return { QStringLiteral("en"), QStringLiteral("zh_HK") };
}

bool CommandLine::parseListenAddress(const QString &text, QString *host, quint16 *port, QString *error)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:\\[([^\\]]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    const QString address = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    const QHostAddress parsed(address);
    const uint number = match.captured(3).toUInt();
    if (!match.hasMatch() || parsed.isNull() || number < 1 || number > 65535) {
        *error = tr(
            "Unsupported address '%1' for --metrics-listen: expected IP:PORT with an IP address and a port "
            "from 1 to 65535, e.g. 127.0.0.1:9465 or [::1]:9465.")
                     .arg(text);
        return false;
    }
    *host = parsed.toString();
    *port = quint16(number);
    return true;
}

CommandLineResult CommandLine::parse(const QStringList &arguments)
{
    const bool exporting = arguments.value(1) == QLatin1String("export");
    QCommandLineParser parser;
    parser.setApplicationDescription(exporting
            ? tr("Writes a chart, a table or a report of the AISC Operations Dashboard to a file, with no "
                 "display. Without a configured Prometheus it reads the built-in simulated centre.")
            : tr("AISC Operations Dashboard: live capacity, GPU utilisation and job queues of the Cyberport "
                 "AI Supercomputing Centre. Without a configured Prometheus it runs on the built-in "
                 "simulated centre."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"), tr("Run on the built-in simulated centre."));
    const QCommandLineOption cacheOption(QStringLiteral("cache"),
        tr("Keep the local cache in FILE instead of the default location."), tr("FILE"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("Interface language: en or zh_HK (default: the system's)."), tr("LANG"));
    const QCommandLineOption prometheusOption(QStringLiteral("prometheus"),
        tr("Read the Prometheus-compatible server at URL (with any path prefix), e.g. "
           "http://127.0.0.1:9090."),
        tr("URL"));
    const QCommandLineOption configOption(QStringLiteral("config"),
        tr("Read the configuration from FILE (INI) instead of the default location."), tr("FILE"));
    const QCommandLineOption rangeOption(QStringLiteral("range"),
        exporting
            ? tr("Time range to export, ending now: 1h, 6h, 24h, 7d, 30d, 90d or 1y (default: 24h, "
                 "7d for a report).")
            : tr("Time range shown at start: 1h, 6h, 24h, 7d, 30d, 90d or 1y (default: the config's, or "
                 "24h)."),
        tr("RANGE"));
    const QCommandLineOption presentOption(QStringLiteral("present"),
        tr("Start in presentation mode: full screen slides for visitors (Esc or F11 leaves it)."));
    const QCommandLineOption csvOption(
        QStringLiteral("csv"), tr("Write the data of query ID as CSV (see --output)."), tr("ID"));
    const QCommandLineOption chartOption(
        QStringLiteral("chart"), tr("Write the chart of query ID as an image (see --format)."), tr("ID"));
    const QCommandLineOption reportOption(
        QStringLiteral("report"), tr("Write a multi-page PDF report to FILE."), tr("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"),
        tr("Image format of --chart: png, svg or pdf (default: png)."), tr("FORMAT"));
    const QCommandLineOption outputOption(
        QStringLiteral("output"), tr("The file to write (--csv, --chart)."), tr("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        tr("Size of a chart as WIDTHxHEIGHT pixels (default: 1600x900; PNG at twice that)."), tr("SIZE"));
    const QCommandLineOption pageOption(
        QStringLiteral("page-size"), tr("Paper of --report: A4 or Letter (default: A4)."), tr("PAPER"));
    const QCommandLineOption metricsOption(QStringLiteral("metrics-listen"),
        tr("Serve the dashboard's own metrics for Prometheus at http://ADDRESS/metrics, e.g. "
           "127.0.0.1:9465."),
        tr("ADDRESS"));
    const QCommandLineOption bomOption(QStringLiteral("bom"),
        tr("Start a CSV with a UTF-8 byte-order mark, for spreadsheet programs that need one."));
    parser.addOption(prometheusOption);
    parser.addOption(configOption);
    parser.addOption(demoOption);
    parser.addOption(cacheOption);
    parser.addOption(langOption);
    parser.addOption(rangeOption);
    if (!exporting) {
        parser.addOption(presentOption);
        parser.addOption(metricsOption);
    } else {
        for (const QCommandLineOption &option : { csvOption, chartOption, reportOption, formatOption,
                 outputOption, sizeOption, pageOption, bomOption })
            parser.addOption(option);
    }

    CommandLineResult result;
    const QString program = QFileInfo(arguments.value(0)).fileName();
    auto error = [&](const QString &message) {
        result.status = CommandLineResult::Status::Error;
        result.output = message + QLatin1Char('\n')
            + (exporting ? tr("Try '%1 export --help' for the options.").arg(program)
                         : tr("Try '%1 --help' for the options.").arg(program));
        return result;
    };

    QStringList toParse = arguments;
    if (exporting)
        toParse.removeAt(1);
    if (!parser.parse(toParse))
        return error(parser.errorText());
    if (parser.isSet(helpOption)) {
        result.status = CommandLineResult::Status::Help;
        result.output = parser.helpText();
        if (exporting)
            result.output.replace(
                program + QStringLiteral(" [options]"), program + QStringLiteral(" export [options]"));
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.status = CommandLineResult::Status::Version;
        result.output = QStringLiteral("aisc-dashboard ") + QLatin1String(AISC_VERSION);
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return error(tr("Unexpected argument '%1'.").arg(parser.positionalArguments().constFirst()));

    result.options.demo = parser.isSet(demoOption);
    result.options.present = !exporting && parser.isSet(presentOption);
    if (parser.isSet(prometheusOption)) {
        if (result.options.demo)
            return error(tr("--demo and --prometheus exclude each other: choose one source."));
        QString urlError;
        const std::optional<QUrl> url
            = DashboardConfig::parseServerUrl(parser.value(prometheusOption), &urlError);
        if (!url)
            return error(QStringLiteral("--prometheus: ") + urlError);
        result.options.prometheusUrl = *url;
    }
    if (parser.isSet(configOption)) {
        const QFileInfo info(parser.value(configOption));
        if (!info.isFile())
            return error(tr("--config %1: no such file.").arg(parser.value(configOption)));
        result.options.configPath = info.absoluteFilePath();
    }

    if (parser.isSet(langOption)) {
        const QString language = parser.value(langOption);
        if (!supportedLanguages().contains(language))
            return error(tr("Unsupported language '%1' for --lang: expected one of %2.")
                             .arg(language, supportedLanguages().join(QLatin1String(", "))));
        result.options.language = language;
    }

    if (parser.isSet(rangeOption)) {
        const QString range = parser.value(rangeOption).trimmed().toLower();
        if (ViewRange::presetFromString(range) == ViewRange::Preset::Custom)
            return error(
                tr("Unsupported time range '%1' for --range: expected 1h, 6h, 24h, 7d, 30d, 90d or 1y.")
                    .arg(parser.value(rangeOption)));
        result.options.range = range;
    }

    if (parser.isSet(cacheOption)) {
        const QString path = parser.value(cacheOption);
        const QFileInfo info(path);
        if (path.isEmpty())
            return error(tr("--cache needs a file path."));
        if (info.isDir())
            return error(tr("--cache %1 is a directory: expected the path of a cache file.").arg(path));
        if (!info.absoluteDir().exists())
            return error(tr("--cache %1: the folder %2 does not exist.").arg(path, info.absolutePath()));
        result.options.cachePath = info.absoluteFilePath();
    }
    if (!exporting) {
        if (parser.isSet(metricsOption)) {
            QString message;
            if (!parseListenAddress(parser.value(metricsOption), &result.options.metricsHost,
                    &result.options.metricsPort, &message))
                return error(message);
        }
        return result;
    }

    result.status = CommandLineResult::Status::Export;
    ExportOptions &out = result.exportOptions;
    const int kinds
        = int(parser.isSet(csvOption)) + int(parser.isSet(chartOption)) + int(parser.isSet(reportOption));
    if (kinds != 1)
        return error(tr("export needs exactly one of --csv ID, --chart ID or --report FILE."));
    if (parser.isSet(reportOption)) {
        out.kind = ExportOptions::Kind::Report;
        out.output = parser.value(reportOption);
        if (!parser.isSet(rangeOption))
            result.options.range = QStringLiteral("7d");
        const QString page = parser.value(pageOption).trimmed();
        if (!page.isEmpty()) {
            if (page.compare(QLatin1String("A4"), Qt::CaseInsensitive) == 0)
                out.pageSize = QStringLiteral("A4");
            else if (page.compare(QLatin1String("Letter"), Qt::CaseInsensitive) == 0)
                out.pageSize = QStringLiteral("Letter");
            else
                return error(tr("Unsupported paper '%1' for --page-size: expected A4 or Letter.").arg(page));
        }
    } else {
        out.kind = parser.isSet(csvOption) ? ExportOptions::Kind::Csv : ExportOptions::Kind::Chart;
        out.id = parser.value(out.kind == ExportOptions::Kind::Csv ? csvOption : chartOption).trimmed();
        if (!parser.isSet(outputOption))
            return error(tr("--%1 needs --output FILE.")
                             .arg(out.kind == ExportOptions::Kind::Csv ? QStringLiteral("csv")
                                                                       : QStringLiteral("chart")));
        out.output = parser.value(outputOption);
    }
    if (out.output.isEmpty())
        return error(tr("The output file name is empty."));
    const QFileInfo outputInfo(out.output);
    if (outputInfo.isDir())
        return error(tr("%1 is a directory: expected the path of a file to write.").arg(out.output));
    if (!outputInfo.absoluteDir().exists())
        return error(
            tr("Cannot write %1: the folder %2 does not exist.").arg(out.output, outputInfo.absolutePath()));
    out.output = outputInfo.absoluteFilePath();
    if (out.kind == ExportOptions::Kind::Chart) {
        out.format = parser.isSet(formatOption) ? parser.value(formatOption).trimmed().toLower()
                                                : outputInfo.suffix().toLower();
        if (out.format.isEmpty())
            out.format = QStringLiteral("png");
        if (out.format != QLatin1String("png") && out.format != QLatin1String("svg")
            && out.format != QLatin1String("pdf"))
            return error(
                tr("Unsupported format '%1' for --format: expected png, svg or pdf.").arg(out.format));
    } else if (parser.isSet(formatOption)) {
        return error(tr("--format applies to --chart only."));
    }
    if (parser.isSet(sizeOption)) {
        static const QRegularExpression pattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
        const QRegularExpressionMatch match = pattern.match(parser.value(sizeOption).trimmed());
        const QSize size
            = match.hasMatch() ? QSize(match.captured(1).toInt(), match.captured(2).toInt()) : QSize();
        if (!size.isValid() || size.width() < 200 || size.height() < 150 || size.width() > 8000
            || size.height() > 8000)
            return error(
                tr("Unsupported size '%1' for --size: expected WIDTHxHEIGHT in pixels, from 200x150 to "
                   "8000x8000.")
                    .arg(parser.value(sizeOption)));
        out.size = size;
    }
    out.byteOrderMark = parser.isSet(bomOption);
    return result;
}
