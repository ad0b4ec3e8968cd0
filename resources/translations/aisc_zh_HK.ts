<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_HK">
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
        <location filename="../../model/CacheService.cpp" line="+61"/>
        <source>The cache %1 reached its size limit of %2 MB, so the data before %3 was deleted from it. To keep more, raise max_size_mb in the [cache] section of the config file.</source>
        <translation>快取 %1 已達 %2 MB 的大小上限，因此已刪除 %3 之前的數據。如要保留更多，請在設定檔的 [cache] 部分調高 max_size_mb。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The cache is not open.</source>
        <translation>快取未開啟。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../widgets/ChartPanel.cpp" line="+66"/>
        <location line="+172"/>
        <source>Waiting for data…</source>
        <translation>正在等候數據……</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No data in this time range</source>
        <translation>此時段沒有數據</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../app/dashboard/CommandLine.cpp" line="+17"/>
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
        <source>FILE</source>
        <translation>檔案</translation>
    </message>
    <message>
        <location line="-6"/>
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
        <location line="+11"/>
        <source>Try &apos;%1 --help&apos; for the options.</source>
        <translation>請執行「%1 --help」查看可用選項。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>無法識別的參數「%1」。</translation>
    </message>
    <message>
        <location line="+5"/>
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
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../app/dashboard/Dashboard.cpp" line="+140"/>
        <source>The server warned that %1 may be incomplete: %2</source>
        <translation>伺服器警告%1的數據可能不完整：%2</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Cache: %1</source>
        <translation>快取：%1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 Using a temporary in-memory cache for this session.</source>
        <translation>%1 本次執行改用臨時記憶體快取。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache: in memory (%1 could not be opened)</source>
        <translation>快取：記憶體（無法開啟 %1）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Settings saved to %1</source>
        <translation>設定已儲存至 %1</translation>
    </message>
</context>
<context>
    <name>DashboardConfig</name>
    <message>
        <location filename="../../model/DashboardConfig.cpp" line="+34"/>
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
        <location line="+5"/>
        <source>%1: secrets are not kept in the config file; put the secret in a file and name it with secret_file, or in an environment variable named with secret_env</source>
        <translation>%1：設定檔不會保存密鑰；請把密鑰放在檔案中並以 secret_file 指明，或放在以 secret_env 指明的環境變數中</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>[prometheus] auth &apos;%1&apos;: expected none, basic or bearer</source>
        <translation>[prometheus] auth「%1」：應為 none、basic 或 bearer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[prometheus] auth=basic needs a username</source>
        <translation>[prometheus] auth=basic 需要 username</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[prometheus] auth=%1 needs secret_file or secret_env</source>
        <translation>[prometheus] auth=%1 需要 secret_file 或 secret_env</translation>
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
        <location line="+17"/>
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
        <source>[cache] max_age_days &apos;%1&apos;: expected whole days from 1 to 3650</source>
        <translation>[cache] max_age_days「%1」：應為 1 至 3650 的整數日數</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>[cache] max_size_mb &apos;%1&apos;: expected whole megabytes from 16 to 1048576</source>
        <translation>[cache] max_size_mb「%1」：應為 16 至 1048576 的整數 MB</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Config file %1 could not be written</source>
        <translation>無法寫入設定檔 %1</translation>
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
    <name>GpuPeakTable</name>
    <message>
        <location filename="../../model/GpuPeakTable.cpp" line="+13"/>
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
    <name>JsonFile</name>
    <message>
        <location filename="../../model/JsonFile.cpp" line="+17"/>
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
    <name>KpiModel</name>
    <message>
        <location filename="../../model/KpiModel.cpp" line="+149"/>
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
        <location filename="../../widgets/MainWindow.cpp" line="+215"/>
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
        <location line="-128"/>
        <source>About AISC Operations Dashboard</source>
        <translation>關於 AISC 營運儀表板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;AISC Operations Dashboard&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Live capacity, GPU utilisation and job queues of the Cyberport AI Supercomputing Centre, read from Prometheus and kept in a local cache.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AISC 營運儀表板&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;數碼港人工智能超算中心的即時算力、GPU 使用率及作業佇列，數據讀自 Prometheus 並保存於本機快取。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+27"/>
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
    <name>OverviewPage</name>
    <message>
        <location filename="../../widgets/OverviewPage.cpp" line="+55"/>
        <source>GPU utilisation by partition, last 24 hours</source>
        <translation>各分區 GPU 使用率（過去 24 小時）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs waiting by partition, last 24 hours</source>
        <translation>各分區等候中作業（過去 24 小時）</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <location filename="../../model/PrometheusClient.cpp" line="+46"/>
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
        <location line="+26"/>
        <source>no network access</source>
        <translation>無法存取網絡</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>the credentials file %1 cannot be read: %2</source>
        <translation>無法讀取憑據檔案 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the environment variable %1, which should hold the credentials, is not set</source>
        <translation>應存放憑據的環境變數 %1 未有設定</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the bearer token is empty</source>
        <translation>Bearer 權杖是空白的</translation>
    </message>
</context>
<context>
    <name>PrometheusParser</name>
    <message>
        <location filename="../../model/PrometheusParser.cpp" line="+38"/>
        <source>the sample value &quot;%1&quot; is not a number</source>
        <translation>樣本值「%1」不是數字</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>(a page without a title)</source>
        <translation>（沒有標題的網頁）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the server answered HTML, not the Prometheus API: %1 (HTTP %2)</source>
        <translation>伺服器回應的是 HTML，而非 Prometheus API：%1（HTTP %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server answered with an empty body (HTTP %1)</source>
        <translation>伺服器回應的內容是空白的（HTTP %1）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the server answered HTTP %1 with a body that is not the Prometheus API: %2</source>
        <translation>伺服器回應 HTTP %1，但內容不是 Prometheus API：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the answer is not complete JSON (%1 bytes received; %2), perhaps cut short</source>
        <translation>回應不是完整的 JSON（已收到 %1 位元組；%2），可能中途被截斷</translation>
    </message>
    <message>
        <location line="+9"/>
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
        <location line="+23"/>
        <source>the query gives a string, not numbers</source>
        <translation>查詢結果是字串，而非數字</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the result holds something that is neither a series nor a sample</source>
        <translation>結果包含既非序列亦非樣本的內容</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>a sample is not a [time, value] pair</source>
        <translation>有樣本不是 [時間, 數值] 的組合</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+39"/>
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
        <location line="+3"/>
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
        <location filename="../../model/PrometheusSource.cpp" line="+123"/>
        <source>Some GPUs have no modelName label, so their peak is unknown and they are not counted.</source>
        <translation>部分 GPU 沒有 modelName 標籤，無法得知其峰值，因此不計算在內。</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../model/QueryCatalogue.cpp" line="+17"/>
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
        <location line="+8"/>
        <source>Query catalogue %1: %2</source>
        <translation>查詢目錄 %1：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>query &apos;%1&apos; has no promql</source>
        <translation>查詢「%1」沒有 promql</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>built-in query &apos;%1&apos; is missing</source>
        <translation>缺少內置查詢「%1」</translation>
    </message>
</context>
<context>
    <name>RefreshController</name>
    <message>
        <location filename="../../model/RefreshController.cpp" line="+213"/>
        <source>%1; %2 of %3 requests failed</source>
        <translation>%1；%3 個請求中有 %2 個失敗</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Could not store %1 in the cache: %2</source>
        <translation>無法把 %1 存入快取：%2</translation>
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
        <location line="+16"/>
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
    <name>SampleStore</name>
    <message>
        <location filename="../../model/SampleStore.cpp" line="+128"/>
        <source>the cache %1 could not be updated: %2</source>
        <translation>無法更新快取 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cache %1: could not prepare a statement: %2</source>
        <translation>快取 %1：無法準備 SQL 語句：%2</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Cache %1: could not create its tables: %2</source>
        <translation>快取 %1：無法建立資料表：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cache %1: could not set its schema version: %2</source>
        <translation>快取 %1：無法設定結構版本：%2</translation>
    </message>
    <message>
        <location line="+172"/>
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
        <location line="+200"/>
        <location line="+45"/>
        <location line="+288"/>
        <source>The cache is not open.</source>
        <translation>快取未開啟。</translation>
    </message>
    <message>
        <location line="-283"/>
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
        <location line="-605"/>
        <source>The cache %1 is full: its disk (or its size limit) has no room for more data. What it already holds is kept, and storing resumes once there is space.</source>
        <translation>快取 %1 已滿：其磁碟（或大小上限）已無空間存放更多資料。已存的資料會保留，待有空間時便會繼續儲存。</translation>
    </message>
    <message>
        <location line="+379"/>
        <source>The cache %1 is damaged (%2).</source>
        <translation>快取 %1 已損壞（%2）。</translation>
    </message>
    <message>
        <location line="+64"/>
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
        <location filename="../../widgets/SettingsDialog.cpp" line="+25"/>
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
        <location line="+7"/>
        <source>Skip TLS certificate verification for this server (insecure)</source>
        <translation>略過此伺服器的 TLS 憑證驗證（不安全）</translation>
    </message>
    <message>
        <location line="+7"/>
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
        <location line="+7"/>
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
        <location line="+62"/>
        <source>Put no user name or password in the URL: choose Basic authentication and name the file or environment variable that holds the password.</source>
        <translation>請勿在網址中加入用戶名稱或密碼：請選擇 Basic 身分驗證，並指明存放密碼的檔案或環境變數。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Basic authentication needs a user name.</source>
        <translation>Basic 身分驗證需要用戶名稱。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name the file or the environment variable that holds the secret.</source>
        <translation>請指明存放密鑰的檔案或環境變數。</translation>
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
    <name>UnitFormatter</name>
    <message>
        <location filename="../../model/UnitFormatter.cpp" line="+70"/>
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
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/dashboard/main.cpp" line="+81"/>
        <source>AISC Operations Dashboard</source>
        <translation>AISC 營運儀表板</translation>
    </message>
</context>
</TS>
