<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
<context>
    <name>AccountUsageModel</name>
    <message>
        <location filename="../../model/AccountUsageModel.cpp" line="+132"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 of %2 granted</source>
        <extracomment>e.g. &quot;42,000 of 600,000 GPU-h granted&quot;</extracomment>
        <translation>已用 %1，獲批 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The config gives this account no allocation ([allocations] in the config file).</source>
        <translation>設定檔未有為此帳戶設定分配額（見設定檔的 [allocations] 部分）。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Account</source>
        <translation>帳戶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU-hours used</source>
        <translation>已用 GPU 時數</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Allocation, GPU-h</source>
        <translation>分配額（GPU 小時）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of allocation</source>
        <translation>佔分配額比例</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AI Subsidy Scheme</source>
        <translation>AI 資助計劃</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <location filename="../../model/AlertModel.cpp" line="+79"/>
        <source>Critical</source>
        <translation>嚴重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info</source>
        <translation>資訊</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Firing</source>
        <translation>觸發中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, GPU %2</source>
        <translation>%1，GPU %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Severity</source>
        <translation>嚴重程度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert</source>
        <translation>警報</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Since</source>
        <translation>開始時間</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
</context>
<context>
    <name>AlertsPage</name>
    <message>
        <location filename="../../widgets/AlertsPage.cpp" line="+98"/>
        <source>Alerts</source>
        <translation>警報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scrape targets</source>
        <translation>擷取目標</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for data…</source>
        <translation>正在等候數據……</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No alerts firing</source>
        <translation>沒有觸發中的警報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts firing: %1 (critical %2, warning %3)</source>
        <translation>觸發中的警報：%1（嚴重 %2，警告 %3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scrape targets up: all %1</source>
        <translation>擷取目標正常：全部 %1 個</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scrape targets down: %1 of %2</source>
        <translation>擷取目標故障：%2 個中有 %1 個</translation>
    </message>
</context>
<context>
    <name>CacheService</name>
    <message>
        <location filename="../../model/CacheService.cpp" line="+98"/>
        <source>The cache %1 reached its size limit of %2 MB, so the data before %3 was deleted from it. To keep more, raise max_size_mb in the [cache] section of the config file.</source>
        <translation>快取 %1 已達 %2 MB 的大小上限，因此已刪除 %3 之前的數據。如要保留更多，請在設定檔的 [cache] 部分調高 max_size_mb。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The cache is not open.</source>
        <translation>快取未開啟。</translation>
    </message>
</context>
<context>
    <name>CapacityPage</name>
    <message>
        <location filename="../../widgets/CapacityPage.cpp" line="+180"/>
        <source>Peak &amp;precision:</source>
        <translation>峰值精度(&amp;P)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense FP16/BF16</source>
        <translation>稠密 FP16/BF16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dense FP8</source>
        <translation>稠密 FP8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which peak of each GPU counts as its capacity. Dense: without structured sparsity, the figure datasheets print without an asterisk.</source>
        <translation>選擇以每款 GPU 的哪一個峰值計算其算力。稠密：不計結構化稀疏，即規格表上不帶星號的數字。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Capacity roadmap: installed and delivered compute</source>
        <translation>算力路線圖：已安裝及實際輸出算力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where these figures come from</source>
        <translation>數字來源</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed capacity is the GPUs the centre reports, by model, times the peak of that model; delivered compute is the tensor-pipe activity of every GPU (DCGM_FI_PROF_PIPE_TENSOR_ACTIVE) times the same peak. Peaks are dense, without structured sparsity, as each model&apos;s datasheet gives them (resources/gpu_peaks.json). Roadmap: %1, taken as %2.</source>
        <translation>已安裝算力為中心回報的各型號 GPU 數目乘以該型號的峰值；實際輸出算力為每個 GPU 的張量核心管線活動率（DCGM_FI_PROF_PIPE_TENSOR_ACTIVE）乘以同一峰值。峰值為各型號規格表所列的稠密峰值，不計結構化稀疏（resources/gpu_peaks.json）。路線圖：%1，其數字按%2 計算。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>resources/roadmap.json</source>
        <translation>resources/roadmap.json</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PFLOPS, %1</source>
        <extracomment>Value axis of the roadmap chart, e.g. &quot;PFLOPS, dense FP16/BF16&quot;</extracomment>
        <translation>PFLOPS（%1）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chart and delivered compute at %1. The roadmap is stated at %2: the headline measures progress at %2, and the milestones are drawn only there.</source>
        <translation>圖表及實際輸出算力按%1 計算。路線圖按%2 訂立：頂部摘要按%2 衡量進度，里程碑亦只在選用%2 時顯示。</translation>
    </message>
</context>
<context>
    <name>CapacitySummary</name>
    <message>
        <location filename="../../model/CapacitySummary.cpp" line="+63"/>
        <source>Installed capacity: waiting for data…</source>
        <translation>已安裝算力：正在等候數據……</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 installed: every roadmap milestone reached</source>
        <extracomment>Capacity page headline once installed capacity is at or above the last milestone, e.g. &quot;3,032 PFLOPS installed: every roadmap milestone reached&quot;</extracomment>
        <translation>已安裝 %1：已達成路線圖所有里程碑</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../widgets/PresentationSlides.cpp" line="+300"/>
        <source>d MMM yyyy</source>
        <extracomment>Date format of a roadmap milestone (QDate::toString syntax)</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Installed %1 of %2, %3% of the milestone due %4</source>
        <extracomment>e.g. &quot;Installed 2,800 of 3,000 PFLOPS, 93% of the milestone due 31 Dec 2025&quot;</extracomment>
        <translation>已安裝 %1 / %2，達 %4 到期里程碑的 %3%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installed %1 of %2, %3% of the next milestone (%4)</source>
        <extracomment>e.g. &quot;Installed 1,000 of 1,300 PFLOPS, 76% of the next milestone (31 Dec 2024)&quot;</extracomment>
        <translation>已安裝 %1 / %2，達下一個里程碑（%4）的 %3%</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delivered compute: waiting for data…</source>
        <translation>實際輸出算力：正在等候數據……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delivering %1 of %2 (%3)</source>
        <extracomment>e.g. &quot;Delivering 1,750 of 3,032 PFLOPS (57.7%)&quot;</extracomment>
        <translation>實際輸出 %1 / %2（%3）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>dense FP8</source>
        <translation>稠密 FP8</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dense FP16/BF16</source>
        <translation>稠密 FP16/BF16</translation>
    </message>
</context>
<context>
    <name>ChartExporter</name>
    <message>
        <location filename="../../widgets/ChartExporter.cpp" line="+88"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the image could not be encoded</source>
        <translation>無法編碼圖像</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+21"/>
        <source>AISC Operations Dashboard</source>
        <translation>AISC 營運儀表板</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the folder is not writable</source>
        <translation>資料夾不可寫入</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file could not be replaced</source>
        <translation>無法取代檔案</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../widgets/ChartPanel.cpp" line="+165"/>
        <location line="+509"/>
        <source>Waiting for data…</source>
        <translation>正在等候數據……</translation>
    </message>
    <message>
        <location line="-447"/>
        <source>Could not write %1: expected a file name ending in .png, .svg or .pdf</source>
        <translation>無法寫入 %1：檔案名稱應以 .png、.svg 或 .pdf 結尾</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>chart</source>
        <translation>圖表</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+6"/>
        <source>Export chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 圖像 (*.png);;SVG 向量圖 (*.svg);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export image at this size (%1 × %2)…</source>
        <translation>按目前尺寸匯出圖像（%1 × %2）……</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export image at 1920 × 1080…</source>
        <translation>以 1920 × 1080 匯出圖像……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy image</source>
        <translation>複製圖像</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export data as CSV…</source>
        <translation>以 CSV 匯出數據……</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Export data</source>
        <translation>匯出數據</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no data</source>
        <translation>沒有數據</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Total: %1</source>
        <translation>總計：%1</translation>
    </message>
    <message>
        <location line="+253"/>
        <source>No data in this time range</source>
        <translation>此時段沒有數據</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../app/dashboard/CommandLine.cpp" line="+25"/>
        <source>Unsupported address &apos;%1&apos; for --metrics-listen: expected IP:PORT with an IP address and a port from 1 to 65535, e.g. 127.0.0.1:9465 or [::1]:9465.</source>
        <translation>--metrics-listen 不支援位址「%1」：應為 IP:PORT，即 IP 位址加上 1 至 65535 之間的連接埠，例如 127.0.0.1:9465 或 [::1]:9465。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Writes a chart, a table or a report of the AISC Operations Dashboard to a file, with no display. Without a configured Prometheus it reads the built-in simulated centre.</source>
        <translation>把 AISC 營運儀表板的圖表、表格或報告寫入檔案，無需顯示畫面。未設定 Prometheus 時，會讀取內置的模擬中心。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AISC Operations Dashboard: live capacity, GPU utilisation and job queues of the Cyberport AI Supercomputing Centre. Without a configured Prometheus it runs on the built-in simulated centre.</source>
        <translation>AISC 營運儀表板：數碼港人工智能超算中心的即時算力、GPU 使用率及作業佇列。未設定 Prometheus 時，會以內置的模擬中心運行。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run on the built-in simulated centre.</source>
        <translation>以內置的模擬中心運行。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the local cache in FILE instead of the default location.</source>
        <translation>把本機快取存放於 FILE，而非預設位置。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <location line="+15"/>
        <location line="+4"/>
        <source>FILE</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Interface language: en or zh_HK (default: the system&apos;s).</source>
        <translation>介面語言：en 或 zh_HK（預設跟隨系統）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LANG</source>
        <translation>語言</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the Prometheus-compatible server at URL (with any path prefix), e.g. http://127.0.0.1:9090.</source>
        <translation>讀取位於 URL 的兼容 Prometheus 伺服器（可含路徑前綴），例如 http://127.0.0.1:9090。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>網址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the configuration from FILE (INI) instead of the default location.</source>
        <translation>從 FILE（INI 格式）讀取設定，而非預設位置。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time range to export, ending now: 1h, 6h, 24h, 7d, 30d, 90d or 1y (default: 24h, 7d for a report).</source>
        <translation>要匯出的時段（截至現在）：1h、6h、24h、7d、30d、90d 或 1y（預設：24h；報告則為 7d）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time range shown at start: 1h, 6h, 24h, 7d, 30d, 90d or 1y (default: the config&apos;s, or 24h).</source>
        <translation>啟動時顯示的時段：1h、6h、24h、7d、30d、90d 或 1y（預設：設定檔所定，否則為 24h）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RANGE</source>
        <translation>時段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start in presentation mode: full screen slides for visitors (Esc or F11 leaves it).</source>
        <translation>以簡報模式啟動：為訪客全螢幕播放投影片（按 Esc 或 F11 離開）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the data of query ID as CSV (see --output).</source>
        <translation>把查詢 ID 的數據寫成 CSV（見 --output）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the chart of query ID as an image (see --format).</source>
        <translation>把查詢 ID 的圖表寫成圖像（見 --format）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a multi-page PDF report to FILE.</source>
        <translation>把多頁 PDF 報告寫入 FILE。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image format of --chart: png, svg or pdf (default: png).</source>
        <translation>--chart 的圖像格式：png、svg 或 pdf（預設：png）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FORMAT</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file to write (--csv, --chart).</source>
        <translation>要寫入的檔案（--csv、--chart）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size of a chart as WIDTHxHEIGHT pixels (default: 1600x900; PNG at twice that).</source>
        <translation>圖表尺寸，以像素計的「寬x高」（預設：1600x900；PNG 則為其兩倍）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIZE</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paper of --report: A4 or Letter (default: A4).</source>
        <translation>--report 的紙張：A4 或 Letter（預設：A4）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PAPER</source>
        <translation>紙張</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve the dashboard&apos;s own metrics for Prometheus at http://ADDRESS/metrics, e.g. 127.0.0.1:9465.</source>
        <translation>在 http://ADDRESS/metrics 為 Prometheus 提供儀表板本身的指標，例如 127.0.0.1:9465。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ADDRESS</source>
        <translation>ADDRESS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a CSV with a UTF-8 byte-order mark, for spreadsheet programs that need one.</source>
        <translation>在 CSV 開頭加上 UTF-8 位元組順序標記（BOM），供需要此標記的試算表程式使用。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Try &apos;%1 export --help&apos; for the options.</source>
        <translation>請執行「%1 export --help」查看可用選項。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try &apos;%1 --help&apos; for the options.</source>
        <translation>請執行「%1 --help」查看可用選項。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>無法識別的參數「%1」。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--demo and --prometheus exclude each other: choose one source.</source>
        <translation>--demo 與 --prometheus 不能同時使用：請選擇一個數據來源。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--config %1: no such file.</source>
        <translation>--config %1：檔案不存在。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsupported language &apos;%1&apos; for --lang: expected one of %2.</source>
        <translation>--lang 不支援語言「%1」：應為 %2 其中之一。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unsupported time range &apos;%1&apos; for --range: expected 1h, 6h, 24h, 7d, 30d, 90d or 1y.</source>
        <translation>--range 不支援時段「%1」：應為 1h、6h、24h、7d、30d、90d 或 1y。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--cache needs a file path.</source>
        <translation>--cache 需要一個檔案路徑。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--cache %1 is a directory: expected the path of a cache file.</source>
        <translation>--cache %1 是資料夾：應提供快取檔案的路徑。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--cache %1: the folder %2 does not exist.</source>
        <translation>--cache %1：資料夾 %2 不存在。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>export needs exactly one of --csv ID, --chart ID or --report FILE.</source>
        <translation>export 需要 --csv ID、--chart ID 或 --report FILE 其中一項，且只可選一項。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsupported paper &apos;%1&apos; for --page-size: expected A4 or Letter.</source>
        <translation>--page-size 不支援紙張「%1」：應為 A4 或 Letter。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--%1 needs --output FILE.</source>
        <translation>--%1 需要 --output FILE。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The output file name is empty.</source>
        <translation>輸出檔案名稱是空白的。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a directory: expected the path of a file to write.</source>
        <translation>%1 是資料夾：應提供要寫入的檔案路徑。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write %1: the folder %2 does not exist.</source>
        <translation>無法寫入 %1：資料夾 %2 不存在。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsupported format &apos;%1&apos; for --format: expected png, svg or pdf.</source>
        <translation>--format 不支援格式「%1」：應為 png、svg 或 pdf。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--format applies to --chart only.</source>
        <translation>--format 只適用於 --chart。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unsupported size &apos;%1&apos; for --size: expected WIDTHxHEIGHT in pixels, from 200x150 to 8000x8000.</source>
        <translation>--size 不支援尺寸「%1」：應為以像素計的「寬x高」，由 200x150 至 8000x8000。</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <location filename="../../model/CsvWriter.cpp" line="+95"/>
        <location line="+5"/>
        <source>Could not write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/dashboard/Dashboard.cpp" line="+260"/>
        <source>The server warned that %1 may be incomplete: %2</source>
        <translation>伺服器警告%1的數據可能不完整：%2</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Cache: %1</source>
        <translation>快取：%1</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Wrote %1</source>
        <translation>已寫入 %1</translation>
    </message>
    <message>
        <location line="+197"/>
        <source>%1 Using a temporary in-memory cache for this session.</source>
        <translation>%1 本次執行改用臨時記憶體快取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache: in memory (%1 could not be opened)</source>
        <translation>快取：記憶體（無法開啟 %1）</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Settings saved to %1</source>
        <translation>設定已儲存至 %1</translation>
    </message>
</context>
<context>
    <name>DashboardConfig</name>
    <message>
        <location filename="../../model/DashboardConfig.cpp" line="+93"/>
        <source>&apos;%1&apos; is not a server URL: expected http:// or https:// followed by a host, e.g. http://prometheus.example.org:9090</source>
        <translation>「%1」不是伺服器網址：應以 http:// 或 https:// 開頭並附有主機名稱，例如 http://prometheus.example.org:9090</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&apos;%1&apos; is not a server URL: it must not have a query (?) or fragment (#)</source>
        <translation>「%1」不是伺服器網址：不可包含查詢字串（?）或片段（#）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Config file %1: %2</source>
        <translation>設定檔 %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no such file</source>
        <translation>檔案不存在</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a readable file</source>
        <translation>不是可讀取的檔案</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a valid INI file</source>
        <translation>不是有效的 INI 檔案</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>[prometheus] auth &apos;%1&apos;: expected none, basic or bearer</source>
        <translation>[prometheus] auth「%1」：應為 none、basic 或 bearer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[prometheus] auth=basic needs a username</source>
        <translation>[prometheus] auth=basic 需要 username</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>header &apos;%1&apos;: a header name is letters, digits and !#$%&amp;&apos;*+-.^_`|~ only</source>
        <translation>標頭「%1」：標頭名稱只可包含字母、數字及 !#$%&amp;&apos;*+-.^_`|~</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>header %1: the value holds a line break or another control character</source>
        <translation>標頭 %1：數值含有換行或其他控制字元</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>header %1 would carry a credential, and secrets are not kept in the config file: use auth=bearer or auth=basic, with the secret in a file (secret_file), an environment variable (secret_env) or the desktop keyring (secret_keyring)</source>
        <translation>標頭 %1 會帶有憑證，而機密不會存放於設定檔：請使用 auth=bearer 或 auth=basic，並把機密放在檔案（secret_file）、環境變數（secret_env）或桌面鑰匙圈（secret_keyring）</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1: secrets are not kept in the config file; put the secret in a file and name it with secret_file, in an environment variable named with secret_env, or in the desktop keyring under an entry named with secret_keyring</source>
        <translation>%1：密碼等機密不會存放於設定檔；請把機密放在檔案並以 secret_file 指明、放在以 secret_env 指明的環境變數，或放在桌面鑰匙圈中以 secret_keyring 指明的項目</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>[prometheus] url: put no user name or password in the URL; use auth=basic with username= and secret_file, secret_env or secret_keyring</source>
        <translation>[prometheus] url：請勿在網址中加入用戶名稱或密碼；請使用 auth=basic 加上 username=，以及 secret_file、secret_env 或 secret_keyring</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>[prometheus] auth=%1 needs secret_file, secret_env or secret_keyring</source>
        <translation>[prometheus] auth=%1 需要 secret_file、secret_env 或 secret_keyring</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[prometheus] ca_file %1 cannot be read</source>
        <translation>[prometheus] 無法讀取 ca_file %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[prometheus] insecure_skip_tls_verify &apos;%1&apos;: expected true or false</source>
        <translation>[prometheus] insecure_skip_tls_verify「%1」：應為 true 或 false</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[prometheus] timeout_s &apos;%1&apos;: expected whole seconds from 1 to 600</source>
        <translation>[prometheus] timeout_s「%1」：應為 1 至 600 的整數秒</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>[queries] %1 is empty: expected a PromQL expression</source>
        <translation>[queries] %1 是空白的：應為 PromQL 表達式</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>[display] language &apos;%1&apos;: expected en or zh_HK</source>
        <translation>[display] language「%1」：應為 en 或 zh_HK</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[display] refresh_interval_s &apos;%1&apos;: expected whole seconds from 5 to 3600</source>
        <translation>[display] refresh_interval_s「%1」：應為 5 至 3600 的整數秒</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[display] theme &apos;%1&apos;: expected light or dark</source>
        <translation>[display] theme「%1」：應為 light 或 dark</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[display] range &apos;%1&apos;: expected 1h, 6h, 24h, 7d, 30d, 90d or 1y</source>
        <translation>[display] range「%1」：應為 1h、6h、24h、7d、30d、90d 或 1y</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>[thresholds] %1: expected &lt;tile&gt;_warning or &lt;tile&gt;_critical, the tile one of %2</source>
        <translation>[thresholds] %1：應為 &lt;tile&gt;_warning 或 &lt;tile&gt;_critical，其中 tile 為 %2 其中之一</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[thresholds] %1 &apos;%2&apos;: expected a number</source>
        <translation>[thresholds] %1「%2」：應為數字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>[display] precision &apos;%1&apos;: expected fp16 (dense FP16/BF16) or fp8 (dense FP8)</source>
        <translation>[display] precision「%1」：應為 fp16（稠密 FP16/BF16）或 fp8（稠密 FP8）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[allocations] %1 &apos;%2&apos;: expected the GPU-hours granted, a positive number such as 250000 (without grouping commas)</source>
        <translation>[allocations] %1「%2」：應為獲批的 GPU 時數，即正數，例如 250000（不加千位分隔逗號）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>[cache] max_age_days &apos;%1&apos;: expected whole days from %2 to %3</source>
        <translation>[cache] max_age_days「%1」：應為 %2 至 %3 之間的整數日數</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[cache] max_size_mb &apos;%1&apos;: expected whole megabytes from %2 to %3</source>
        <translation>[cache] max_size_mb「%1」：應為 %2 至 %3 之間的整數 MB</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>[presentation] slides &apos;%1&apos;: expected a comma-separated list of %2</source>
        <translation>[presentation] slides「%1」：應為以逗號分隔的清單，可用項目為 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>[presentation] interval_s &apos;%1&apos;: expected whole seconds from 5 to 3600</source>
        <translation>[presentation] interval_s「%1」：應為 5 至 3600 之間的整數秒數</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Config file %1 could not be written</source>
        <translation>無法寫入設定檔 %1</translation>
    </message>
</context>
<context>
    <name>DashboardMetrics</name>
    <message>
        <location filename="../../app/dashboard/DashboardMetrics.cpp" line="+79"/>
        <source>--metrics-listen %1: cannot listen there: %2</source>
        <translation>--metrics-listen %1：無法在該處監聽：%2</translation>
    </message>
</context>
<context>
    <name>DemoSource</name>
    <message>
        <location filename="../../model/DemoSource.cpp" line="+28"/>
        <source>simulated centre</source>
        <translation>模擬中心</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The simulated centre does not know the query &apos;%1&apos;.</source>
        <translation>模擬中心不認識查詢「%1」。</translation>
    </message>
</context>
<context>
    <name>Equivalences</name>
    <message>
        <location filename="../../model/Equivalences.cpp" line="+34"/>
        <source>Equivalences file %1: %2</source>
        <translation>等同效益檔案 %1：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>atPflops: expected the capacity the figures hold at, a positive number of PFLOPS</source>
        <translation>atPflops：應為這些數字所對應的算力，即一個正數的 PFLOPS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>id &apos;%1&apos;: expected one of %2</source>
        <translation>id「%1」：應為以下其中之一：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;%1&apos; needs a positive value per hour</source>
        <translation>「%1」需要一個正數的每小時數值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>perHour: expected at least one equivalence</source>
        <translation>perHour：應最少有一項等同效益</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>images processed</source>
        <extracomment>Under a number on the presentation&apos;s equivalences slide, e.g. &quot;9.9 billion&quot; / &quot;images processed&quot;</extracomment>
        <translation>張圖像處理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hours of speech translated</source>
        <translation>小時語音翻譯</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>km of autonomous-driving data</source>
        <extracomment>Kilometres of recorded driving data processed (for training self-driving cars)</extracomment>
        <translation>公里自動駕駛數據</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Per hour of compute. Source: %1. The release&apos;s figures (almost 10 billion images, over 11 million hours of speech translation, over 40,000 km of autonomous-driving data) are taken as the %2 phase and scaled linearly to the capacity installed.</source>
        <extracomment>Footnote of the presentation&apos;s equivalences slide; %1 the source, %2 e.g. &quot;3,000 PFLOPS&quot;</extracomment>
        <translation>以每小時算力計。資料來源：%1。新聞稿的數字（處理近 100 億張圖像、逾 1,100 萬小時語音翻譯、逾 40,000 公里自動駕駛數據）視為 %2 階段的數字，並按已安裝算力以線性比例換算。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 billion</source>
        <extracomment>A count in billions (10^9), e.g. &quot;9.9 billion&quot;</extracomment>
        <translation>%1 十億</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 million</source>
        <extracomment>A count in millions (10^6), e.g. &quot;11 million&quot;</extracomment>
        <translation>%1 百萬</translation>
    </message>
</context>
<context>
    <name>EquivalencesSlide</name>
    <message>
        <location filename="../../widgets/PresentationSlides.cpp" line="+317"/>
        <source>One hour of %1 is roughly equivalent to</source>
        <extracomment>Title of the equivalences slide, e.g. &quot;One hour of 2,970 PFLOPS is roughly equivalent to&quot;</extracomment>
        <translation>%1 運算一小時，約相當於</translation>
    </message>
</context>
<context>
    <name>ExportRunner</name>
    <message>
        <location filename="../../app/dashboard/ExportRunner.cpp" line="+55"/>
        <source>Unknown query id &apos;%1&apos;: expected one of %2.</source>
        <translation>未知的查詢 ID「%1」：應為 %2 其中之一。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 Using a temporary in-memory cache.</source>
        <translation>%1 改用臨時記憶體快取。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fetching from %1: %2%</source>
        <translation>正在從 %1 擷取數據：%2%</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Warning: the alerts could not be read (%1).</source>
        <translation>警告：無法讀取警報（%1）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading %1 over the last %2 from %3</source>
        <translation>正在從 %3 讀取過去 %2 的 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing written: %1 could not be read (%2) and the cache holds no data for this range.</source>
        <translation>未有寫入任何內容：無法讀取 %1（%2），而快取內亦沒有此時段的數據。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Warning: %1 could not be read (%2); writing what the cache holds.</source>
        <translation>警告：無法讀取 %1（%2）；改為寫入快取內的數據。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing written: %1 has no data for %2 in this range.</source>
        <translation>未有寫入任何內容：%1 在此時段沒有 %2 的數據。</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Wrote %1 (%n rows)</source>
        <translation>
            <numerusform>已寫入 %1（%n 行）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrote %1</source>
        <translation>已寫入 %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Writing the report</source>
        <translation>正在寫入報告</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Wrote %1 (%n pages)</source>
        <translation>
            <numerusform>已寫入 %1（%n 頁）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 – %2</source>
        <extracomment>The time range of an exported chart, e.g. &quot;1 Mar 2026 08:00 – 2 Mar 2026 08:00&quot;</extracomment>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>d MMM yyyy HH:mm</source>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>GpuPeakModel</name>
    <message>
        <location filename="../../model/GpuPeakModel.cpp" line="+49"/>
        <source>not supported</source>
        <translation>不支援</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>GPU model</source>
        <translation>GPU 型號</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dense FP16/BF16, TFLOPS</source>
        <translation>稠密 FP16/BF16（TFLOPS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dense FP8, TFLOPS</source>
        <translation>稠密 FP8（TFLOPS）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Datasheet</source>
        <translation>規格表</translation>
    </message>
</context>
<context>
    <name>GpuPeakTable</name>
    <message>
        <location filename="../../model/GpuPeakTable.cpp" line="+27"/>
        <source>GPU peak table %1: %2</source>
        <translation>GPU 峰值表 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>entry %1 needs a modelName, a positive denseFp16Bf16 and a datasheet</source>
        <translation>第 %1 項需要 modelName、正數的 denseFp16Bf16 及 datasheet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no GPU models</source>
        <translation>沒有 GPU 型號</translation>
    </message>
</context>
<context>
    <name>HeadlineSlide</name>
    <message>
        <location filename="../../widgets/PresentationSlides.cpp" line="-336"/>
        <source>Compute installed now</source>
        <translation>現時已安裝算力</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Every milestone of the roadmap reached</source>
        <translation>已達成路線圖的所有里程碑</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Next milestone: %1, due %2, %3% there</source>
        <extracomment>e.g. &quot;Next milestone: 3,000 PFLOPS by 31 Dec 2025, 99% there&quot;</extracomment>
        <translation>下一個里程碑：%1，預定於 %2，已達 %3%</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next milestone: %1 by %2, %3% there</source>
        <translation>下一個里程碑：%2 前達 %1，已達 %3%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1% of the %2 the centre is built for</source>
        <extracomment>Share of the capacity the whole roadmap plans, e.g. &quot;99% of the 3,000 PFLOPS the centre is built for&quot;</extracomment>
        <translation>達中心設計算力 %2 的 %1%</translation>
    </message>
</context>
<context>
    <name>JobsSlide</name>
    <message>
        <location line="+230"/>
        <source>Jobs and GPUs now</source>
        <translation>現時作業及 GPU</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>jobs running</source>
        <translation>個作業運行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jobs waiting for GPUs</source>
        <translation>個作業等候 GPU</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>GPUs busy</source>
        <extracomment>Under the number of GPUs running jobs, e.g. &quot;GPUs busy, of 3,000&quot;</extracomment>
        <translation>個 GPU 使用中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs busy, of %1</source>
        <translation>個 GPU 使用中（共 %1 個）</translation>
    </message>
</context>
<context>
    <name>JsonFile</name>
    <message>
        <location filename="../../model/JsonFile.cpp" line="+22"/>
        <source>%1 at byte %2</source>
        <translation>%1（於第 %2 位元組）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a JSON object at the top level</source>
        <translation>最外層應為 JSON 物件</translation>
    </message>
</context>
<context>
    <name>KeyringSecret</name>
    <message>
        <location filename="../../model/KeyringSecret.cpp" line="+12"/>
        <source>the keyring holds no entry &apos;%1&apos; for %2</source>
        <translation>鑰匙圈中沒有 %2 的項目「%1」</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>access to the keyring entry &apos;%1&apos; was denied</source>
        <translation>存取鑰匙圈項目「%1」遭拒絕</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no desktop keyring could be reached for the entry &apos;%1&apos; (%2); start a Secret Service such as GNOME Keyring or KWallet, or name the secret with secret_file or secret_env instead</source>
        <translation>無法連接桌面鑰匙圈以讀取項目「%1」（%2）；請啟動 Secret Service（例如 GNOME Keyring 或 KWallet），或改以 secret_file 或 secret_env 指明機密</translation>
    </message>
</context>
<context>
    <name>KpiModel</name>
    <message>
        <location filename="../../model/KpiModel.cpp" line="+189"/>
        <source>no change over the range</source>
        <translation>時段內沒有變化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 over the range</source>
        <extracomment>The change of a headline figure over the time range shown, e.g. &quot;▲ 12 jobs over the range&quot;</extracomment>
        <translation>時段內 %1 %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Installed compute</source>
        <translation>已安裝算力</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GPU utilisation</source>
        <translation>GPU 使用率</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jobs running</source>
        <translation>執行中作業</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jobs waiting</source>
        <translation>等候中作業</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>GPUs down</source>
        <translation>故障 GPU</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>no data yet</source>
        <translation>尚未有數據</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1% of %2 · roadmap complete since %3</source>
        <extracomment>Under the installed capacity once every roadmap milestone is past, e.g. &quot;100% of 3,000 PFLOPS · roadmap complete since 31 Dec 2025&quot;</extracomment>
        <translation>達 %2 的 %1% · 路線圖已於 %3 完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+8"/>
        <source>d MMM yyyy</source>
        <extracomment>Date format of a roadmap milestone (QDate::toString syntax)</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1% of %2 · %3 (%4)</source>
        <extracomment>Roadmap progress under the installed capacity, e.g. &quot;99% of 3,000 PFLOPS · Full capacity during 2025 (31 Dec 2025)&quot;</extracomment>
        <translation>達 %2 的 %1% · %3（%4）</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+2"/>
        <source>as of %1</source>
        <extracomment>Date and time of a value from an earlier day (QDateTime::toString syntax)</extracomment>
        <translation>截至 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>d MMM HH:mm</source>
        <translation>M月d日 HH:mm</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/MainWindow.cpp" line="+452"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop fetching; what is cached stays on screen</source>
        <translation>停止擷取數據；已快取的數據會繼續顯示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching %p%</source>
        <translation>擷取中 %p%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh stopped: press F5 to resume</source>
        <translation>已停止更新：按 F5 繼續</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>About AISC Operations Dashboard</source>
        <translation>關於 AISC 營運儀表板</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Export report</source>
        <translation>匯出報告</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&lt;p&gt;&lt;b&gt;AISC Operations Dashboard&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Live capacity, GPU utilisation and job queues of the Cyberport AI Supercomputing Centre, read from Prometheus and kept in a local cache.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AISC 營運儀表板&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;數碼港人工智能超算中心的即時算力、GPU 使用率及作業佇列，數據讀自 Prometheus 並保存於本機快取。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Image at 1920 × 1080…</source>
        <translation>圖像（1920 × 1080）……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG 圖像 (*.png);;SVG 向量圖 (*.svg);;PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data as CSV…</source>
        <translation>數據（CSV）……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export data</source>
        <translation>匯出數據</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Table %1 as CSV…</source>
        <translation>表格「%1」（CSV）……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to export on this page</source>
        <translation>此頁沒有可匯出的內容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export table</source>
        <translation>匯出表格</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrote %1</source>
        <translation>已寫入 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not print: the printer or file is not available</source>
        <translation>無法列印：印表機或檔案無法使用</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Updated %1</source>
        <translation>更新於 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Data stale since %1 (%2). Showing the last data cached; retrying.</source>
        <translation>數據自 %1 起未有更新（%2）。現顯示最後快取的數據，正在重試。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>AISC Operations Dashboard</source>
        <translation>AISC 營運儀表板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Overview</source>
        <translation>概覽(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Capacity</source>
        <translation>算力(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Utilisation</source>
        <translation>使用率(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue</source>
        <translation>作業佇列(&amp;Q)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Alerts</source>
        <translation>警報(&amp;A)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Alerts (%1)</source>
        <translation>警報（%1）(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print…</source>
        <translation>列印(&amp;P)……</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export &amp;report…</source>
        <translation>匯出報告(&amp;R)……</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top accounts</source>
        <translation>主要帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alerts</source>
        <translation>警報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scrape targets</source>
        <translation>擷取目標</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU peak table</source>
        <translation>GPU 峰值表</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export</source>
        <translation>匯出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh now</source>
        <translation>立即更新(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presentation mode</source>
        <translation>簡報模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>主題(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage</source>
        <translation>語言(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>淺色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: %1 (no Prometheus configured)</source>
        <translation>數據來源：%1（未設定 Prometheus）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source: %1</source>
        <translation>數據來源：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not updated yet</source>
        <translation>尚未更新</translation>
    </message>
</context>
<context>
    <name>NodeDetailDialog</name>
    <message>
        <location filename="../../widgets/NodeDetailDialog.cpp" line="+128"/>
        <source>Partition:</source>
        <translation>分區：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Slurm state:</source>
        <translation>Slurm 狀態：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPUs reporting:</source>
        <translation>回報中的 GPU：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU utilisation:</source>
        <translation>GPU 使用率：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tensor activity:</source>
        <translation>張量核心活動率：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU power:</source>
        <translation>GPU 耗電量：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hottest GPU:</source>
        <translation>最高 GPU 溫度：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last XID error:</source>
        <translation>最近的 XID 錯誤：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Node %1</source>
        <translation>節點 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU utilisation of %1</source>
        <translation>%1 的 GPU 使用率</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation>無</translation>
    </message>
</context>
<context>
    <name>NodeHeatmapView</name>
    <message>
        <location filename="../../widgets/NodeHeatmapView.cpp" line="+104"/>
        <location line="+423"/>
        <source>GPU utilisation by node</source>
        <translation>各節點 GPU 使用率</translation>
    </message>
    <message>
        <location line="-270"/>
        <location line="+351"/>
        <location line="+161"/>
        <source>no data</source>
        <translation>沒有數據</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>GPU utilisation %1 (mean)</source>
        <translation>GPU 使用率 %1（平均）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU utilisation %1</source>
        <translation>GPU 使用率 %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>No nodes in this time range</source>
        <translation>此時段沒有節點</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting for data…</source>
        <translation>正在等候數據……</translation>
    </message>
</context>
<context>
    <name>NodeTableModel</name>
    <message>
        <location filename="../../model/NodeTableModel.cpp" line="+252"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>idle</source>
        <translation>閒置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mixed</source>
        <translation>部分佔用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allocated</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drain</source>
        <translation>排空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>graphics engine exception, usually the application</source>
        <translation>圖形引擎異常，通常源於應用程式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU memory page fault, usually the application</source>
        <translation>GPU 記憶體分頁錯誤，通常源於應用程式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU stopped processing</source>
        <translation>GPU 停止處理</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>double-bit ECC error</source>
        <translation>雙位元 ECC 錯誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ECC page retirement or row remapping</source>
        <translation>ECC 分頁停用或行重新映射</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVLink error</source>
        <translation>NVLink 錯誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU has fallen off the bus</source>
        <translation>GPU 已從匯流排脫離</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contained ECC error</source>
        <translation>已隔離的 ECC 錯誤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>uncontained ECC error</source>
        <translation>未能隔離的 ECC 錯誤</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>XID %1</source>
        <translation>XID %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XID %1: %2</source>
        <translation>XID %1：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Partition</source>
        <translation>分區</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs</source>
        <translation>GPU 數目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Util.</source>
        <translation>使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tensor</source>
        <translation>張量核心</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Power</source>
        <translation>耗電量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temp.</source>
        <translation>溫度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>XID</source>
        <translation>XID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Slurm&apos;s state of the node</source>
        <translation>節點在 Slurm 中的狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPUs reporting to dcgm-exporter</source>
        <translation>向 dcgm-exporter 回報的 GPU 數目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean GPU utilisation of the node</source>
        <translation>節點的平均 GPU 使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean tensor-pipe activity of the node&apos;s GPUs</source>
        <translation>節點各 GPU 的平均張量核心管線活動率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Power drawn by the node&apos;s GPUs</source>
        <translation>節點各 GPU 的耗電量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature of the node&apos;s hottest GPU</source>
        <translation>節點最熱 GPU 的溫度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Highest XID error code the node&apos;s GPUs hold; empty when none</source>
        <translation>節點各 GPU 目前最高的 XID 錯誤代碼；沒有則留空</translation>
    </message>
</context>
<context>
    <name>NodeTablePanel</name>
    <message>
        <location filename="../../widgets/NodeTablePanel.cpp" line="+174"/>
        <source>Nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by node, partition or state</source>
        <translation>按節點、分區或狀態篩選</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nodes: waiting for data</source>
        <translation>節點：正在等候數據</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes: %1</source>
        <translation>節點：%1 個</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nodes: %1 of %2</source>
        <translation>節點：%1 個（共 %2 個）</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../widgets/OverviewPage.cpp" line="+55"/>
        <source>GPU utilisation by partition</source>
        <translation>各分區 GPU 使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs waiting by partition</source>
        <translation>各分區等候中作業</translation>
    </message>
</context>
<context>
    <name>PresentationWindow</name>
    <message>
        <location filename="../../widgets/PresentationWindow.cpp" line="+382"/>
        <source>as of %1</source>
        <extracomment>The discreet corner label of presentation mode when the data is not fresh: &quot;as of 14:05&quot;</extracomment>
        <translation>截至 %1</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <location filename="../../model/PrometheusClient.cpp" line="+54"/>
        <source>the CA file %1 cannot be read or holds no PEM certificate</source>
        <translation>無法讀取 CA 檔案 %1，或檔案內沒有 PEM 憑證</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>this build has no TLS support, so https cannot be used</source>
        <translation>此版本不支援 TLS，因此無法使用 https</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+9"/>
        <source>query %1</source>
        <translation>查詢 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>series</source>
        <translation>序列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label names</source>
        <translation>標籤名稱</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>alerts</source>
        <translation>警報</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>targets</source>
        <translation>擷取目標</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>build information</source>
        <translation>版本資料</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>no network access</source>
        <translation>無法存取網絡</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the credentials file %1 cannot be read: %2</source>
        <translation>無法讀取憑據檔案 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the environment variable %1, which should hold the credentials, is not set</source>
        <translation>應存放憑據的環境變數 %1 未有設定</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the bearer token is empty</source>
        <translation>Bearer 權杖是空白的</translation>
    </message>
</context>
<context>
    <name>PrometheusParser</name>
    <message>
        <location filename="../../model/PrometheusParser.cpp" line="+37"/>
        <source>the sample value &quot;%1&quot; is not a number</source>
        <translation>樣本值「%1」不是數字</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>(a page without a title)</source>
        <translation>（沒有標題的網頁）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the server answered HTML, not the Prometheus API: %1 (HTTP %2)</source>
        <translation>伺服器回應的是 HTML，而非 Prometheus API：%1（HTTP %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server answered with an empty body (HTTP %1)</source>
        <translation>伺服器回應的內容是空白的（HTTP %1）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the server answered HTTP %1 with a body that is not the Prometheus API: %2</source>
        <translation>伺服器回應 HTTP %1，但內容不是 Prometheus API：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the answer is not complete JSON (%1 bytes received; %2), perhaps cut short</source>
        <translation>回應不是完整的 JSON（已收到 %1 位元組；%2），可能中途被截斷</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no details given</source>
        <translation>沒有提供詳情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server rejected the query as bad data (HTTP %1): %2</source>
        <translation>伺服器以資料錯誤為由拒絕了查詢（HTTP %1）：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server could not execute the query (HTTP %1): %2</source>
        <translation>伺服器無法執行查詢（HTTP %1）：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the query timed out on the server (HTTP %1): %2</source>
        <translation>查詢在伺服器上逾時（HTTP %1）：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server cancelled the query (HTTP %1): %2</source>
        <translation>伺服器取消了查詢（HTTP %1）：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server reported an error of type &apos;%1&apos; (HTTP %2): %3</source>
        <translation>伺服器報告「%1」類錯誤（HTTP %2）：%3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the server answered HTTP %1 without an error description</source>
        <translation>伺服器回應 HTTP %1，但沒有錯誤說明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the answer has no &quot;status&quot;: &quot;success&quot;; is this the Prometheus API?</source>
        <translation>回應沒有 &quot;status&quot;: &quot;success&quot;；這是 Prometheus API 嗎？</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the query gives a string, not numbers</source>
        <translation>查詢結果是字串，而非數字</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the result holds something that is neither a series nor a sample</source>
        <translation>結果包含既非序列亦非樣本的內容</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>a sample is not a [time, value] pair</source>
        <translation>有樣本不是 [時間, 數值] 的組合</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Prometheus at %1, %2: %3</source>
        <translation>Prometheus（%1），%2：%3</translation>
    </message>
</context>
<context>
    <name>PrometheusReply</name>
    <message>
        <location filename="../../model/PrometheusReply.cpp" line="+22"/>
        <source>no complete answer within %1 s</source>
        <translation>%1 秒內未收到完整回應</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the request was cancelled</source>
        <translation>請求已取消</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the answer is larger than the limit of %1 MB; ask for a shorter range or a coarser step</source>
        <translation>回應超出 %1 MB 的上限；請查詢較短的時段或使用較粗的步長</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the connection was refused; is the server running, and is the port right?</source>
        <translation>連線被拒絕；伺服器是否正在運行？連接埠是否正確？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the host name could not be resolved</source>
        <translation>無法解析主機名稱</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server closed the connection before the answer was complete</source>
        <translation>伺服器在回應完成前關閉了連線</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS 交握失敗：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the connection timed out</source>
        <translation>連線逾時</translation>
    </message>
</context>
<context>
    <name>PrometheusSource</name>
    <message>
        <location filename="../../model/PrometheusSource.cpp" line="+125"/>
        <source>Some GPUs have no modelName label, so their peak is unknown and they are not counted.</source>
        <translation>部分 GPU 沒有 modelName 標籤，無法得知其峰值，因此不計算在內。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The GPU model &apos;%1&apos; has no FP8 peak in the peak table, so its GPUs are not counted at FP8.</source>
        <translation>GPU 型號「%1」在峰值表內沒有 FP8 峰值，因此其 GPU 不計入 FP8 算力。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The GPU model &apos;%1&apos; is not in the peak table, so its GPUs are not counted.</source>
        <translation>GPU 型號「%1」不在峰值表內，因此其 GPU 不計算在內。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+11"/>
        <source>query %1</source>
        <translation>查詢 %1</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>the query catalogue has no such query and no PromQL was configured for it</source>
        <translation>查詢目錄中沒有此查詢，亦未為其設定 PromQL</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the requested range is empty</source>
        <translation>所請求的時段是空的</translation>
    </message>
</context>
<context>
    <name>QueryCatalogue</name>
    <message>
        <location filename="../../model/QueryCatalogue.cpp" line="+18"/>
        <source>Installed compute</source>
        <translation>已安裝算力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered compute</source>
        <translation>實際輸出算力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU utilisation, whole centre</source>
        <translation>全中心 GPU 使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU utilisation by partition</source>
        <translation>各分區 GPU 使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensor activity by partition</source>
        <translation>各分區張量核心活動率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU utilisation by node</source>
        <translation>各節點 GPU 使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs by state</source>
        <translation>GPU 狀態分佈</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs waiting by partition</source>
        <translation>各分區等候中作業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs running by partition</source>
        <translation>各分區執行中作業</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU-hours by account</source>
        <translation>各帳戶 GPU 時數</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU power</source>
        <translation>GPU 耗電量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed compute, FP8</source>
        <translation>已安裝算力（FP8）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered compute, FP8</source>
        <translation>實際輸出算力（FP8）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue wait of started jobs</source>
        <translation>已開始作業的排隊等候時間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tensor activity by node</source>
        <translation>各節點張量核心活動率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU power by node</source>
        <translation>各節點 GPU 耗電量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hottest GPU by node</source>
        <translation>各節點最高 GPU 溫度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs reporting by node</source>
        <translation>各節點回報中的 GPU 數目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last XID error by node</source>
        <translation>各節點最近的 XID 錯誤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slurm state by node</source>
        <translation>各節點 Slurm 狀態</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Query catalogue %1: %2</source>
        <translation>查詢目錄 %1：%2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>query &apos;%1&apos; has no promql</source>
        <translation>查詢「%1」沒有 promql</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>query &apos;%1&apos; has precision &apos;%2&apos;: expected fp16 or fp8</source>
        <translation>查詢「%1」的 precision 為「%2」：應為 fp16 或 fp8</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>built-in query &apos;%1&apos; is missing</source>
        <translation>缺少內置查詢「%1」</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../widgets/QueuePage.cpp" line="+122"/>
        <source>Jobs running by partition (stacked)</source>
        <translation>各分區執行中作業（堆疊）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs waiting by partition</source>
        <translation>各分區等候中作業</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue wait, p50 and p90</source>
        <extracomment>Chart of the queue wait of started jobs: median (p50) and 90th percentile (p90)</extracomment>
        <translation>排隊等候時間（p50 及 p90）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPUs allocated, idle and down</source>
        <translation>已分配、閒置及故障的 GPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top accounts by GPU-hours over the time range shown</source>
        <translation>所示時段內 GPU 時數最高的帳戶</translation>
    </message>
</context>
<context>
    <name>RefreshController</name>
    <message>
        <location filename="../../model/RefreshController.cpp" line="+281"/>
        <source>%1; %2 of %3 requests failed</source>
        <translation>%1；%3 個請求中有 %2 個失敗</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>Could not store %1 in the cache: %2</source>
        <translation>無法把 %1 存入快取：%2</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <location filename="../../app/dashboard/ReportBuilder.cpp" line="+46"/>
        <source>Figure</source>
        <translation>指標</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Latest</source>
        <translation>最新數值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Over the range</source>
        <translation>時段內變化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>詳情</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>d MMM yyyy HH:mm</source>
        <extracomment>Date and time in the report (QDateTime::toString syntax)</extracomment>
        <translation>yyyy年M月d日 HH:mm</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>AISC Operations Report</source>
        <translation>AISC 營運報告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cyberport AI Supercomputing Centre, Hong Kong</source>
        <translation>香港數碼港人工智能超算中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time range: %1 – %2</source>
        <translation>時段：%1 至 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated: %1</source>
        <translation>產生時間：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data source: %1 (no Prometheus configured)</source>
        <translation>數據來源：%1（未設定 Prometheus）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data source: %1</source>
        <translation>數據來源：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data as of %1, read from the source for this report.</source>
        <translation>數據截至 %1，於製作本報告時從數據來源讀取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The source could not be read (%1): this report shows the data cached before.</source>
        <translation>無法讀取數據來源（%1）：本報告顯示先前快取的數據。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The headline figures at the end of the range, and how they changed over it.</source>
        <translation>時段結束時的主要指標，以及其在時段內的變化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headline figures</source>
        <translation>主要指標</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Capacity against the roadmap</source>
        <translation>算力與發展路線圖</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Installed compute: %1 (%2).</source>
        <translation>已安裝算力：%1（%2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak dense FP16/BF16 compute of the GPUs present, from the GPU peak table; delivered compute is tensor-pipe activity times that peak.</source>
        <translation>現有 GPU 的稠密 FP16/BF16 峰值算力，數值取自 GPU 峰值表；實際輸出算力為張量核心管線活動率乘以該峰值。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>GPU utilisation</source>
        <translation>GPU 使用率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Job queue</source>
        <translation>作業佇列</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Top accounts</source>
        <translation>主要帳戶</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU-hours used over the range by the accounts that used most, against their allocation where the configuration gives one; AI Subsidy Scheme projects are marked.</source>
        <translation>時段內用量最多的帳戶所用的 GPU 時數；如設定檔有為帳戶設定分配額，則與分配額比較。人工智能資助計劃的項目已加標示。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top accounts by GPU-hours</source>
        <translation>GPU 時數最高的帳戶</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alerts</source>
        <translation>警報</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firing at the end of the range: %1 critical, %2 warning, %3 information.</source>
        <translation>時段結束時觸發中的警報：嚴重 %1 個，警告 %2 個，資訊 %3 個。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alerts, most severe first</source>
        <translation>警報（按嚴重程度由高至低排列）</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message numerus="yes">
        <location filename="../../widgets/ReportWriter.cpp" line="+100"/>
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 項未列出</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Page %1 of %2</source>
        <extracomment>The footer of every report page, e.g. &quot;Page 2 of 7&quot;</extracomment>
        <translation>第 %1 頁，共 %2 頁</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>AISC Operations Dashboard</source>
        <translation>AISC 營運儀表板</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write %1: the folder is not writable</source>
        <translation>無法寫入 %1：資料夾不可寫入</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Contents</source>
        <translation>目錄</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Could not write %1: the file could not be replaced</source>
        <translation>無法寫入 %1：無法取代檔案</translation>
    </message>
</context>
<context>
    <name>Roadmap</name>
    <message>
        <location filename="../../model/Roadmap.cpp" line="+16"/>
        <source>Roadmap file %1: %2</source>
        <translation>路線圖檔案 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>precision &apos;%1&apos;: expected fp16 or fp8</source>
        <translation>precision「%1」：應為 fp16 或 fp8</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>gpusPerNode must be at least 1</source>
        <translation>gpusPerNode 最少為 1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>milestone &apos;%1&apos; has no valid date (expected YYYY-MM-DD)</source>
        <translation>里程碑「%1」沒有有效日期（應為 YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>milestone &apos;%1&apos; needs a positive pflops value</source>
        <translation>里程碑「%1」需要正數的 pflops 值</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>milestone &apos;%1&apos; must come after the previous one and not lower its capacity</source>
        <translation>里程碑「%1」必須在前一個之後，且算力不可低於前一個</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no milestones</source>
        <translation>沒有里程碑</translation>
    </message>
</context>
<context>
    <name>RoadmapChart</name>
    <message>
        <location filename="../../widgets/RoadmapChart.cpp" line="+443"/>
        <source>Roadmap</source>
        <translation>路線圖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed capacity</source>
        <translation>已安裝算力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered compute</source>
        <translation>實際輸出算力</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>d MMM yyyy</source>
        <extracomment>Date format of a roadmap milestone (QDate::toString syntax)</extracomment>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Today, %1</source>
        <extracomment>Label of the marker at today&apos;s date on the roadmap chart, e.g. &quot;Today, 2 Mar 2026&quot;</extracomment>
        <translation>今日，%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No data in this time range</source>
        <translation>此時段沒有數據</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for data…</source>
        <translation>正在等候數據……</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>MMM yyyy</source>
        <extracomment>Month labels of the roadmap chart&apos;s time axis (QDate::toString syntax)</extracomment>
        <translation>yyyy年M月</translation>
    </message>
</context>
<context>
    <name>RoadmapSlide</name>
    <message>
        <location filename="../../widgets/PresentationSlides.cpp" line="-227"/>
        <source>Capacity roadmap</source>
        <translation>算力路線圖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We are here</source>
        <translation>我們在這裏</translation>
    </message>
</context>
<context>
    <name>SampleStore</name>
    <message>
        <location filename="../../model/SampleStore.cpp" line="+202"/>
        <source>the cache %1 could not be updated: %2</source>
        <translation>無法更新快取 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cache %1: could not prepare a statement: %2</source>
        <translation>快取 %1：無法準備 SQL 語句：%2</translation>
    </message>
    <message>
        <location line="+107"/>
        <location line="+24"/>
        <source>Cache %1: could not create its tables: %2</source>
        <translation>快取 %1：無法建立資料表：%2</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Cache %1: could not set its schema version: %2</source>
        <translation>快取 %1：無法設定結構版本：%2</translation>
    </message>
    <message>
        <location line="+241"/>
        <source>The cache %1 is a directory; expected a SQLite file.</source>
        <translation>快取 %1 是資料夾；應為 SQLite 檔案。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cache %1 cannot be read: %2</source>
        <translation>無法讀取快取 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The cache %1 is not a SQLite database; it was left unchanged. Choose another cache file.</source>
        <translation>快取 %1 不是 SQLite 資料庫；檔案未被改動。請選用另一個快取檔案。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder of the cache %1 cannot be created.</source>
        <translation>無法建立快取 %1 所在的資料夾。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The cache %1 cannot be opened: %2</source>
        <translation>無法開啟快取 %1：%2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The cache %1 cannot be read as a SQLite database: %2; it was left unchanged.</source>
        <translation>無法把快取 %1 當作 SQLite 資料庫讀取：%2；檔案未被改動。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The cache %1 is a SQLite database of another application; it was left unchanged.</source>
        <translation>快取 %1 是其他應用程式的 SQLite 資料庫；檔案未被改動。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The cache %1 has schema version %2, but this version of the dashboard supports version %3 at most; it was left unchanged. Use a newer dashboard or another cache file.</source>
        <translation>快取 %1 的結構版本為 %2，但此版本的儀表板最高只支援版本 %3；檔案未被改動。請使用較新的儀表板或另一個快取檔案。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The cache %1 is a SQLite database but not a dashboard cache (it has tables and no schema version); it was left unchanged.</source>
        <translation>快取 %1 是 SQLite 資料庫，但不是儀表板快取（有資料表但沒有結構版本）；檔案未被改動。</translation>
    </message>
    <message>
        <location line="+198"/>
        <source>The cache %1 could not be upgraded to schema version %2: %3; it was left at version 2.</source>
        <translation>快取 %1 無法升級至結構版本 %2：%3；快取維持在版本 2。</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+45"/>
        <location line="+447"/>
        <location line="+34"/>
        <source>The cache is not open.</source>
        <translation>快取未開啟。</translation>
    </message>
    <message>
        <location line="-476"/>
        <source>Query %1: only range results (step &gt; 0) are cached, not instant ones.</source>
        <translation>查詢 %1：只會快取時段結果（step &gt; 0），不會快取即時結果。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Query %1: a result starting at %2 ms is not on the grid of its step (%3 ms); only aligned results are cached.</source>
        <translation>查詢 %1：起點 %2 毫秒的結果不在其步長（%3 毫秒）的格點上；只會快取已對齊的結果。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Query %1: series %2 has %3 values, expected %4.</source>
        <translation>查詢 %1：序列 %2 有 %3 個數值，應為 %4 個。</translation>
    </message>
    <message>
        <location line="+457"/>
        <source>No retention run was started.</source>
        <translation>沒有開始任何保留清理。</translation>
    </message>
    <message>
        <location line="-1221"/>
        <source>The cache %1 is full: its disk (or its size limit) has no room for more data. What it already holds is kept, and storing resumes once there is space.</source>
        <translation>快取 %1 已滿：其磁碟（或大小上限）已無空間存放更多資料。已存的資料會保留，待有空間時便會繼續儲存。</translation>
    </message>
    <message>
        <location line="+484"/>
        <source>The cache %1 is damaged (%2).</source>
        <translation>快取 %1 已損壞（%2）。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The cache %1 is damaged (%2) and could not be moved aside: %3. It was left unchanged.</source>
        <translation>快取 %1 已損壞（%2），且無法移到一旁：%3。檔案保持不變。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The cache %1 was damaged (%2). It was moved aside to %3, and a new, empty cache was started.</source>
        <translation>快取 %1 已損壞（%2）。已將其移到 %3，並建立了新的空白快取。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The cache %1 could not be upgraded to schema version %2: %3; it was left at version 1.</source>
        <translation>無法將快取 %1 升級至結構版本 %2：%3；檔案仍為版本 1。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../widgets/SettingsDialog.cpp" line="+26"/>
        <source>Browse…</source>
        <translation>瀏覽……</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The built-in simulated centre</source>
        <translation>內置的模擬中心</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Prometheus-compatible server</source>
        <translation>兼容 Prometheus 的伺服器</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Skip TLS certificate verification for this server (insecure)</source>
        <translation>略過此伺服器的 TLS 憑證驗證（不安全）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Basic (user name and password)</source>
        <translation>Basic（用戶名稱及密碼）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Bearer 權杖</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name of an entry of the service aisc-dashboard in the desktop keyring (GNOME Keyring, KWallet)</source>
        <translation>桌面鑰匙圈（GNOME Keyring、KWallet）中 aisc-dashboard 服務的項目名稱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One per line, e.g. X-Scope-OrgID: aisc</source>
        <translation>每行一項，例如 X-Scope-OrgID: aisc</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the system</source>
        <translation>跟隨系統</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data source</source>
        <translation>數據來源</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prometheus server</source>
        <translation>Prometheus 伺服器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL, with any path prefix:</source>
        <translation>網址（可含路徑前綴）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication:</source>
        <translation>身分驗證：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name:</source>
        <translation>用戶名稱：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secret from file:</source>
        <translation>密鑰檔案：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File holding the secret</source>
        <translation>存放密鑰的檔案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or environment variable:</source>
        <translation>或環境變數：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or keyring entry:</source>
        <translation>或鑰匙圈項目：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra CA certificates:</source>
        <translation>額外 CA 憑證：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CA certificates (PEM)</source>
        <translation>CA 憑證（PEM）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extra headers:</source>
        <translation>額外標頭：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deadline per request:</source>
        <translation>每個請求的時限：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display</source>
        <translation>顯示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every:</source>
        <translation>更新間隔：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language (after a restart):</source>
        <translation>語言（重新啟動後生效）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache</source>
        <translation>快取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep data for:</source>
        <translation>數據保留期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest file size:</source>
        <translation>檔案大小上限：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The oldest data is deleted first, and fetched again when a view needs it.</source>
        <translation>最舊的數據會最先刪除；檢視需要時會再次擷取。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Keep data for &apos;%1&apos;: expected whole days from %2 to %3.</source>
        <translation>數據保留期「%1」：應為 %2 至 %3 之間的整數日數。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Largest file size &apos;%1&apos;: expected whole megabytes from %2 to %3.</source>
        <translation>檔案大小上限「%1」：應為 %2 至 %3 之間的整數 MB。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Put no user name or password in the URL: choose Basic authentication and name the file or environment variable that holds the password.</source>
        <translation>請勿在網址中加入用戶名稱或密碼：請選擇 Basic 身分驗證，並指明存放密碼的檔案或環境變數。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Basic authentication needs a user name.</source>
        <translation>Basic 身分驗證需要用戶名稱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name the file, the environment variable or the keyring entry that holds the secret.</source>
        <translation>請指明存放機密的檔案、環境變數或鑰匙圈項目。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Header line &apos;%1&apos;: expected Name: value</source>
        <translation>標頭行「%1」：應為「名稱: 值」</translation>
    </message>
</context>
<context>
    <name>TargetModel</name>
    <message>
        <location filename="../../model/TargetModel.cpp" line="+71"/>
        <source>Up</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Job</source>
        <translation>工作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>目標</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health</source>
        <translation>狀態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last scrape</source>
        <translation>最後擷取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last error</source>
        <translation>最後錯誤</translation>
    </message>
</context>
<context>
    <name>TimeRangeBar</name>
    <message>
        <location filename="../../widgets/TimeRangeBar.cpp" line="+105"/>
        <source>Time range</source>
        <translation>時段</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>後退</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous time range (%1)</source>
        <translation>上一個時段（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>前進</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next time range (%1)</source>
        <translation>下一個時段（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show twice as long a time range (%1)</source>
        <translation>顯示長一倍的時段（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow live</source>
        <translation>即時跟隨</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the newest data in view; off, the time range stays where it is (%1)</source>
        <translation>保持顯示最新數據；關閉時，時段會停留在原處（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the last %1</source>
        <translation>顯示過去 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh every</source>
        <translation>更新間隔</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <location line="+17"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-17"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n 分鐘</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitFormatter</name>
    <message>
        <location filename="../../model/UnitFormatter.cpp" line="+84"/>
        <source>GPUs</source>
        <translation>個 GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>jobs</source>
        <translation>個作業</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU-h</source>
        <translation>GPU 小時</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>min</source>
        <extracomment>Minutes, as a unit after a number: &quot;4.5 min&quot;</extracomment>
        <translation>分鐘</translation>
    </message>
</context>
<context>
    <name>UtilisationPage</name>
    <message>
        <location filename="../../widgets/UtilisationPage.cpp" line="+170"/>
        <source>GPU utilisation by partition</source>
        <translation>各分區 GPU 使用率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tensor activity by partition</source>
        <translation>各分區張量核心活動率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU utilisation by node</source>
        <translation>各節點 GPU 使用率</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No partition label: showing the whole cluster</source>
        <translation>沒有分區標籤：顯示全中心數據</translation>
    </message>
</context>
<context>
    <name>UtilisationSlide</name>
    <message>
        <location filename="../../widgets/PresentationSlides.cpp" line="+77"/>
        <source>GPU utilisation now</source>
        <translation>現時 GPU 使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all GPUs, on average</source>
        <extracomment>Under the centre&apos;s GPU utilisation on the presentation slide</extracomment>
        <translation>全部 GPU 平均</translation>
    </message>
</context>
<context>
    <name>ViewRange</name>
    <message>
        <location filename="../../model/ViewRange.cpp" line="+71"/>
        <source>1 h</source>
        <translation>1 小時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6 h</source>
        <translation>6 小時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>24 h</source>
        <translation>24 小時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>7 d</source>
        <translation>7 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>30 d</source>
        <translation>30 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>90 d</source>
        <translation>90 日</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1 y</source>
        <translation>1 年</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Custom</source>
        <translation>自訂</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Last %1</source>
        <translation>過去 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 – %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/dashboard/main.cpp" line="+100"/>
        <source>AISC Operations Dashboard</source>
        <translation>AISC 營運儀表板</translation>
    </message>
</context>
</TS>
