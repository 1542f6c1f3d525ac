<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DeployPlanText</name>
    <message>
        <source>%1 (%2): %3 %4 to %5, profile %6</source>
        <translation>%1（%2）：%3 %4 部署到 %5，部署配置 %6</translation>
    </message>
    <message>
        <source>lock; probe; upload and verify %1 for linux/%2; unpack a new release; write the env file; install %3 (%4); switch and restart; wait until %5 answers (up to %6 s); record; keep %7 releases; unlock.</source>
        <translation>加锁；探测服务器；上传并校验 %1（linux/%2）；解压为新的发布；写入环境变量文件；安装 %3（%4）；切换并重启；等待 %5 响应（最多 %6 秒）；记录；保留 %7 个发布；解锁。</translation>
    </message>
</context>
<context>
    <name>AlertEngine</name>
    <message>
        <source>%1 cannot be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>%1 answers again.</source>
        <translation>%1 已恢复响应。</translation>
    </message>
    <message>
        <source>%1 on %2 has failed.</source>
        <translation>%2 上的 %1 已失败。</translation>
    </message>
    <message>
        <source>%1 on %2 went from %3 to failed.</source>
        <translation>%2 上的 %1 从 %3 变为失败。</translation>
    </message>
    <message>
        <source>%1 on %2 is active again.</source>
        <translation>%2 上的 %1 已重新运行。</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2 restarted %n time(s) since the last check.</source>
        <translation>
            <numerusform>自上次检查以来，%2 上的 %1 重启了 %n 次。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2 has not restarted for %n check(s).</source>
        <translation>
            <numerusform>%2 上的 %1 已连续 %n 次检查未重启。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2 passes its health check again.</source>
        <translation>%2 上的 %1 重新通过了健康检查。</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %2 failed its health check %n time(s) in a row: %3</source>
        <translation>
            <numerusform>%2 上的 %1 连续 %n 次健康检查失败：%3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ArchiveReader</name>
    <message>
        <source>Cannot read the archive %1.</source>
        <translation>无法读取压缩包 %1。</translation>
    </message>
    <message>
        <source>The file may be damaged or incomplete; build it again.</source>
        <translation>该文件可能已损坏或不完整，请重新构建。</translation>
    </message>
    <message>
        <source>The archive %1 is damaged.</source>
        <translation>压缩包 %1 已损坏。</translation>
    </message>
    <message>
        <source>Build it again.</source>
        <translation>请重新构建。</translation>
    </message>
    <message>
        <source>The archive %1 has no file %2.</source>
        <translation>压缩包 %1 中没有文件 %2。</translation>
    </message>
    <message>
        <source>Build the project again.</source>
        <translation>请重新构建项目。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Check the folder is writable and the disk has space.</source>
        <translation>请检查该文件夹是否可写，以及磁盘是否有足够的空间。</translation>
    </message>
</context>
<context>
    <name>ArchiveWriter</name>
    <message>
        <source>Could not write the archive %1.</source>
        <translation>无法写入压缩包 %1。</translation>
    </message>
    <message>
        <source>Check that the output folder is writable and the disk has free space.</source>
        <translation>请检查输出文件夹是否可写，以及磁盘是否有可用空间。</translation>
    </message>
</context>
<context>
    <name>ArtifactNaming</name>
    <message>
        <source>The version &quot;%1&quot; cannot be used: it must start with a letter or digit and contain only letters, digits, dots, dashes, underscores and plus signs.</source>
        <translation>无法使用版本号“%1”：版本号必须以字母或数字开头，且只能包含字母、数字、点、连字符、下划线和加号。</translation>
    </message>
    <message>
        <source>Use a version such as 1.4.0 or 1.4.0-rc.1.</source>
        <translation>请使用类似 1.4.0 或 1.4.0-rc.1 的版本号。</translation>
    </message>
</context>
<context>
    <name>ArtifactPackager</name>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>磁盘已满：无法写入 %1。</translation>
    </message>
    <message>
        <source>Could not write %1 to the output folder.</source>
        <translation>无法将 %1 写入输出文件夹。</translation>
    </message>
    <message>
        <source>Free some space, or choose an output folder on another disk.</source>
        <translation>请释放一些磁盘空间，或选择其他磁盘上的输出文件夹。</translation>
    </message>
    <message>
        <source>Check that the output folder is writable.</source>
        <translation>请检查输出文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>BinaryVerifier</name>
    <message>
        <source>Check GOFLAGS and the project&apos;s Go settings, then build again.</source>
        <translation>请检查 GOFLAGS 和项目的 Go 设置，然后重新构建。</translation>
    </message>
    <message>
        <source>The file built for %1 is not a Go binary Gantry can read back.</source>
        <translation>为 %1 构建的文件不是 Gantry 能够回读的 Go 二进制文件。</translation>
    </message>
    <message>
        <source>The binary built for %1 is really for %2/%3.</source>
        <translation>为 %1 构建的二进制文件实际的目标平台是 %2/%3。</translation>
    </message>
    <message>
        <source>The binary built for %1 uses cgo, so it is not static.</source>
        <translation>为 %1 构建的二进制文件使用了 cgo，因此不是静态链接的。</translation>
    </message>
    <message>
        <source>The binary built for %1 still holds local paths (-trimpath is off).</source>
        <translation>为 %1 构建的二进制文件中仍包含本地路径（-trimpath 未启用）。</translation>
    </message>
    <message>
        <source>Cannot read back the binary built for %1.</source>
        <translation>无法回读为 %1 构建的二进制文件。</translation>
    </message>
    <message>
        <source>Check the disk.</source>
        <translation>请检查磁盘。</translation>
    </message>
    <message>
        <source>The value %1 was not embedded in the binary for %2: Go ignored -X %3.</source>
        <translation>值 %1 未嵌入 %2 的二进制文件：Go 忽略了 -X %3。</translation>
    </message>
    <message>
        <source>Make sure %1 is a package-level string variable without a computed initializer.</source>
        <translation>请确保 %1 是包级 string 变量，且其初始值不是由表达式计算得出的。</translation>
    </message>
</context>
<context>
    <name>BuildCommand</name>
    <message>
        <source>Platform to build for, as OS/ARCH (repeatable). Default: linux/amd64 and windows/amd64.</source>
        <translation>要构建的目标平台，格式为 OS/ARCH（可多次指定）。默认：linux/amd64 和 windows/amd64。</translation>
    </message>
    <message>
        <source>Version to stamp. Default: from git describe.</source>
        <translation>要写入的版本号。默认：取自 git describe。</translation>
    </message>
    <message>
        <source>Variable that holds the version, as PKG.NAME (e.g. main.version).</source>
        <translation>保存版本号的变量，格式为 PKG.NAME（例如 main.version）。</translation>
    </message>
    <message>
        <source>Output folder. Default: PROJECT_DIR/dist/&lt;version&gt;.</source>
        <translation>输出文件夹。默认：PROJECT_DIR/dist/&lt;version&gt;。</translation>
    </message>
    <message>
        <source>Print a JSON summary (the manifest) on stdout.</source>
        <translation>向 stdout 输出 JSON 摘要（即构建清单）。</translation>
    </message>
    <message>
        <source>Main package to build, e.g. cmd/api (repeatable). Default: all.</source>
        <translation>要构建的 main 包，例如 cmd/api（可多次指定）。默认：全部。</translation>
    </message>
    <message>
        <source>ldflags template with {{.Version}} {{.Commit}} {{.Date}}.</source>
        <translation>ldflags 模板，可使用 {{.Version}} {{.Commit}} {{.Date}}。</translation>
    </message>
    <message>
        <source>Extra flag for go build (repeatable).</source>
        <translation>传给 go build 的额外参数（可多次指定）。</translation>
    </message>
    <message>
        <source>File or folder to put in the archives (repeatable). Default: README, LICENSE, config/, static/, templates/.</source>
        <translation>要放入压缩包的文件或文件夹（可多次指定）。默认：README、LICENSE、config/、static/、templates/。</translation>
    </message>
    <message>
        <source>The go executable to use.</source>
        <translation>要使用的 go 可执行文件。</translation>
    </message>
    <message>
        <source>Targets built at once. Default: one per core.</source>
        <translation>同时构建的目标平台数。默认：每个 CPU 核心一个。</translation>
    </message>
    <message>
        <source>Minutes one target may take. Default: 30.</source>
        <translation>单个目标平台允许的最长构建时间（分钟）。默认：30。</translation>
    </message>
    <message>
        <source>Show Go&apos;s output as it comes.</source>
        <translation>实时显示 Go 的输出。</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>Built %1 %2 into %3</source>
        <translation>已构建 %1 %2，输出到 %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a target; write it as OS/ARCH, e.g. linux/amd64.</source>
        <translation>“%1”不是有效的目标平台；请写成 OS/ARCH 格式，例如 linux/amd64。</translation>
    </message>
    <message>
        <source>--jobs needs a whole number of 1 or more.</source>
        <translation>--jobs 需要一个大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>--timeout needs a whole number of minutes, 1 or more.</source>
        <translation>--timeout 需要一个以分钟为单位、大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>Build static, version-stamped, packaged binaries of a Go project.</source>
        <translation>为 Go 项目构建静态链接、嵌入版本号并已打包的二进制文件。</translation>
    </message>
    <message>
        <source>The folder that holds go.mod.</source>
        <translation>包含 go.mod 的文件夹。</translation>
    </message>
    <message>
        <source>give exactly one PROJECT_DIR.</source>
        <translation>必须且只能指定一个 PROJECT_DIR。</translation>
    </message>
    <message numerus="yes">
        <source>Building %1 %2 (%3) for %n target(s)</source>
        <translation>
            <numerusform>正在为 %n 个目标平台构建 %1 %2（%3）</numerusform>
        </translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>  fix: %1</source>
        <translation>  解决方法：%1</translation>
    </message>
    <message>
        <source>Go setting for this build, e.g. GOPROXY=https://proxy.example or GOPRIVATE=git.example.com (repeatable). GOFLAGS adds to yours.</source>
        <translation>本次构建的 Go 设置，例如 GOPROXY=https://proxy.example 或 GOPRIVATE=git.example.com（可重复使用）。GOFLAGS 会追加到您已有的设置中。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting; write it as KEY=VALUE, e.g. GOPROXY=direct.</source>
        <translation>“%1”不是设置项；请写成 KEY=VALUE 的形式，例如 GOPROXY=direct。</translation>
    </message>
</context>
<context>
    <name>BuildManifest</name>
    <message>
        <source>The build manifest is incomplete: it has no version or no artifact list.</source>
        <translation>构建清单不完整：缺少版本号或构建产物列表。</translation>
    </message>
    <message>
        <source>Build the project again to write a new manifest.json.</source>
        <translation>请重新构建项目，以生成新的 manifest.json。</translation>
    </message>
    <message>
        <source>Cannot read the build manifest %1.</source>
        <translation>无法读取构建清单 %1。</translation>
    </message>
    <message>
        <source>Build the project first.</source>
        <translation>请先构建项目。</translation>
    </message>
    <message>
        <source>The build manifest %1 is not valid JSON.</source>
        <translation>构建清单 %1 不是有效的 JSON。</translation>
    </message>
    <message>
        <source>Build the project again to write a new one.</source>
        <translation>请重新构建项目，以生成新的构建清单。</translation>
    </message>
</context>
<context>
    <name>BuildPlan</name>
    <message>
        <source>The extra file %1 does not exist in the project.</source>
        <translation>项目中不存在附加文件 %1。</translation>
    </message>
    <message>
        <source>Remove it from the project&apos;s extra files, or create it.</source>
        <translation>请将其从项目的附加文件中移除，或创建该文件。</translation>
    </message>
    <message>
        <source>The package %1 has no version variable, so the binary will not know its version.</source>
        <translation>包 %1 没有版本变量，因此二进制文件将无法得知自身的版本号。</translation>
    </message>
    <message>
        <source>Add `var version = &quot;dev&quot;` to package main, or name a variable with --version-var.</source>
        <translation>请在 main 包中添加 `var version = &quot;dev&quot;`，或使用 --version-var 指定一个变量。</translation>
    </message>
    <message>
        <source>Go %1 cannot build for %2: there is no such platform.</source>
        <translation>Go %1 无法为 %2 构建：不存在该平台。</translation>
    </message>
    <message>
        <source>Choose one of the platforms `go tool dist list` names, e.g. %1.</source>
        <translation>请从 `go tool dist list` 列出的平台中选择一个，例如 %1。</translation>
    </message>
    <message>
        <source>%1 is not a main package of this project.</source>
        <translation>%1 不是本项目的 main 包。</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>请从以下选项中选择一个：%1。</translation>
    </message>
</context>
<context>
    <name>BuildSettings</name>
    <message>
        <source>The extra file &quot;%1&quot; is not a path inside the project.</source>
        <translation>额外文件“%1”不是项目内的路径。</translation>
    </message>
    <message>
        <source>Name files and folders relative to the project folder, such as config/ or README.md.</source>
        <translation>请使用相对于项目文件夹的文件和文件夹名，例如 config/ 或 README.md。</translation>
    </message>
    <message>
        <source>The extra file %1 does not exist in the project.</source>
        <translation>额外文件 %1 在项目中不存在。</translation>
    </message>
    <message>
        <source>Remove it from the project&apos;s extra files, or create it.</source>
        <translation>请将它从项目的额外文件中移除，或创建该文件。</translation>
    </message>
</context>
<context>
    <name>ChecksumFile</name>
    <message>
        <source>Cannot read %1 to compute its checksum.</source>
        <translation>无法读取 %1，因此无法计算其校验和。</translation>
    </message>
    <message>
        <source>Check that the file exists.</source>
        <translation>请检查该文件是否存在。</translation>
    </message>
    <message>
        <source>Check the disk.</source>
        <translation>请检查磁盘。</translation>
    </message>
    <message>
        <source>Line %1 of the checksums file is not &quot;&lt;sha256&gt;  &lt;file&gt;&quot;.</source>
        <translation>校验和文件的第 %1 行不符合“&lt;sha256&gt;  &lt;file&gt;”格式。</translation>
    </message>
    <message>
        <source>Rebuild to write a fresh checksums.txt.</source>
        <translation>请重新构建，以生成新的 checksums.txt。</translation>
    </message>
</context>
<context>
    <name>CliPrompter</name>
    <message>
        <source>Passphrase for %1: </source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <source>sudo password for %1: </source>
        <translation>%1 的 sudo 密码：</translation>
    </message>
    <message>
        <source>%1 (%2): </source>
        <translation>%1（%2）：</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot open the workspace %1.</source>
        <translation>无法打开工作区 %1。</translation>
    </message>
    <message>
        <source>Check that the folder is writable.</source>
        <translation>请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>The workspace %1 cannot use write-ahead logging.</source>
        <translation>工作区 %1 无法使用预写日志（WAL）。</translation>
    </message>
    <message>
        <source>Keep the workspace on a local disk, not on a network share.</source>
        <translation>请将工作区放在本地磁盘上，而不是网络共享中。</translation>
    </message>
    <message>
        <source>The workspace %1 is busy: another Gantry kept it locked.</source>
        <translation>工作区 %1 正忙：另一个 Gantry 一直锁定着它。</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>请稍后再试。</translation>
    </message>
    <message>
        <source>Gantry could not read or write the workspace %1.</source>
        <translation>Gantry 无法读取或写入工作区 %1。</translation>
    </message>
    <message>
        <source>Check that the disk is not full and the folder is writable.</source>
        <translation>请检查磁盘是否已满，以及该文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>DeployCommand</name>
    <message>
        <source>A project folder, or a project name the workspace knows.</source>
        <translation>项目文件夹，或工作区中已知的项目名称。</translation>
    </message>
    <message>
        <source>A server&apos;s name (repeat for several).</source>
        <translation>服务器名称（可重复指定多台）。</translation>
    </message>
    <message>
        <source>The profile (default prod).</source>
        <translation>部署配置（默认 prod）。</translation>
    </message>
    <message>
        <source>Read the login and sudo password from standard input.</source>
        <translation>从标准输入读取登录密码和 sudo 密码。</translation>
    </message>
    <message>
        <source>Break a lock left by a deploy that is gone for good.</source>
        <translation>解除由已不复存在的部署遗留下来的锁。</translation>
    </message>
    <message>
        <source>Print the result as JSON on stdout.</source>
        <translation>在标准输出上以 JSON 打印结果。</translation>
    </message>
    <message>
        <source>give exactly one PROJECT.</source>
        <translation>请只给出一个 PROJECT。</translation>
    </message>
    <message>
        <source>name a server with --server NAME.</source>
        <translation>请用 --server NAME 指定服务器。</translation>
    </message>
    <message>
        <source>[%1] %2: %3 of %4</source>
        <translation>[%1] %2：%3 / %4</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>== %1: %2 %3 to %4 (profile %5) ==</source>
        <translation>== %1：%2 %3 部署到 %4（部署配置 %5）==</translation>
    </message>
    <message>
        <source>-- plan: lock, probe, upload and verify, unpack a new release, write the env file, install %1, switch current and restart, wait until %2 answers (%3 s), record, prune to %4 releases, unlock.</source>
        <translation>-- 计划：加锁，探测服务器，上传并校验，解压新的发布，写入环境变量文件，安装 %1，切换当前发布并重启，等待 %2 响应（%3 秒），记录，清理到只剩 %4 个发布，解锁。</translation>
    </message>
    <message>
        <source>-- %1:</source>
        <translation>-- %1：</translation>
    </message>
    <message>
        <source>-- env diff against %1:</source>
        <translation>-- 与 %1 的环境变量差异：</translation>
    </message>
    <message>
        <source>Build if needed, then deploy a project&apos;s service to servers, health-checked, with automatic rollback.</source>
        <translation>按需构建，然后将项目的服务部署到服务器，经过健康检查，失败时自动回滚。</translation>
    </message>
    <message>
        <source>The version to stamp and deploy (default: from git).</source>
        <translation>要写入并部署的版本（默认：取自 git）。</translation>
    </message>
    <message>
        <source>The main package to deploy when the project has several.</source>
        <translation>项目有多个 main 包时要部署的那一个。</translation>
    </message>
    <message>
        <source>After the first server, how many switch at once (default: all).</source>
        <translation>第一台服务器之后，每批同时切换多少台（默认：全部）。</translation>
    </message>
    <message>
        <source>Print the plan, the unit and the env diff; change nothing.</source>
        <translation>打印计划、单元文件和环境变量差异；不做任何改动。</translation>
    </message>
    <message>
        <source>%1: %2 %3 is live as release %4.</source>
        <translation>%1：%2 %3 已作为发布 %4 上线。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>    last health answer: HTTP %1 %2</source>
        <translation>    最后一次健康检查响应：HTTP %1 %2</translation>
    </message>
    <message>
        <source>The releases kept on a server, newest first.</source>
        <translation>服务器上保留的发布，最新的在前。</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已清理</translation>
    </message>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Switch a server back to a kept release, without rebuilding.</source>
        <translation>将服务器切换回一个保留的发布，无需重新构建。</translation>
    </message>
    <message>
        <source>The release number (default: the newest good one before the current).</source>
        <translation>发布编号（默认：当前发布之前最新的正常发布）。</translation>
    </message>
    <message>
        <source>%1: release %2 (version %3) serves again and is healthy.</source>
        <translation>%1：发布 %2（版本 %3）已重新提供服务，运行正常。</translation>
    </message>
    <message>
        <source>What systemd and the health check say about the project&apos;s service on each server.</source>
        <translation>systemd 和健康检查对每台服务器上该项目服务的报告。</translation>
    </message>
    <message>
        <source>%1	%2 (%3)	release %4, version %5	restarts %6	health %7</source>
        <translation>%1	%2（%3）	发布 %4，版本 %5	重启 %6 次	健康检查 %7</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1，耗时 %2 毫秒</translation>
    </message>
    <message>
        <source>What a deploy would change in the env file a server has; secret values masked.</source>
        <translation>部署将对服务器上的环境变量文件做出的改动；机密值已隐藏。</translation>
    </message>
    <message>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
    </message>
    <message>
        <source>Deploy this finished build (a folder with manifest.json, such as dist/1.2.0) without building.</source>
        <translation>不进行构建，直接部署这个已完成的构建（包含 manifest.json 的文件夹，例如 dist/1.2.0）。</translation>
    </message>
    <message>
        <source>--artifacts and --version cannot be used together.</source>
        <translation>--artifacts 和 --version 不能同时使用。</translation>
    </message>
    <message>
        <source>The build folder names its version; drop --version.</source>
        <translation>构建文件夹已指明其版本；请去掉 --version。</translation>
    </message>
</context>
<context>
    <name>DeployPlanner</name>
    <message>
        <source>%1: release %2</source>
        <translation>%1：发布 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No server was chosen for the deploy.</source>
        <translation>没有为部署选择服务器。</translation>
    </message>
    <message>
        <source>Pick at least one server (gantryctl deploy --server NAME).</source>
        <translation>请至少选择一台服务器（gantryctl deploy --server NAME）。</translation>
    </message>
    <message>
        <source>This build has several services (%1, %2).</source>
        <translation>此构建包含多个服务（%1、%2）。</translation>
    </message>
    <message>
        <source>Choose one to deploy (gantryctl deploy --package cmd/api).</source>
        <translation>请选择要部署的一个（gantryctl deploy --package cmd/api）。</translation>
    </message>
    <message>
        <source>The build %1 has no Linux archive to deploy.</source>
        <translation>构建 %1 中没有可部署的 Linux 归档。</translation>
    </message>
    <message>
        <source>Build for linux/amd64 (or your servers&apos; architecture) first.</source>
        <translation>请先为 linux/amd64（或您服务器的架构）构建。</translation>
    </message>
    <message>
        <source>The profile cannot be written for %1: %2</source>
        <translation>无法为 %1 写入部署配置：%2</translation>
    </message>
    <message>
        <source>%1 holds no build: manifest.json is missing.</source>
        <translation>%1 中没有构建：缺少 manifest.json。</translation>
    </message>
    <message>
        <source>Pick the folder a build wrote (dist/&lt;version&gt;), or build first.</source>
        <translation>请选择构建生成的文件夹（dist/&lt;version&gt;），或先进行构建。</translation>
    </message>
    <message>
        <source>The build in %1 is of %2, not %3.</source>
        <translation>%1 中的构建属于项目 %2，而不是项目 %3。</translation>
    </message>
    <message>
        <source>Pick a build of %1, or deploy from that project.</source>
        <translation>请选择 %1 的构建，或改从那个项目进行部署。</translation>
    </message>
    <message>
        <source>%1 in %2 is missing or not what the build made (its size or sha256 differs).</source>
        <translation>%2 中的 %1 缺失，或与构建生成的文件不一致（大小或 sha256 不同）。</translation>
    </message>
    <message>
        <source>Build version %1 again, then deploy.</source>
        <translation>请重新构建版本 %1，然后部署。</translation>
    </message>
    <message>
        <source>The build in %1 has no linux/%2 artifact for %3.</source>
        <translation>%1 中的构建没有供 %3 使用的 linux/%2 构建产物。</translation>
    </message>
    <message>
        <source>Build linux/%1 or pick another build.</source>
        <translation>请构建 linux/%1，或选择其他构建。</translation>
    </message>
</context>
<context>
    <name>DeploySettings</name>
    <message>
        <source>Unknown deploy setting &quot;%1&quot;.</source>
        <translation>未知的部署设置“%1”。</translation>
    </message>
    <message>
        <source>Remove it or check its spelling.</source>
        <translation>请删除它，或检查拼写。</translation>
    </message>
    <message>
        <source>The deploy setting &quot;%1&quot; has a value of the wrong type.</source>
        <translation>部署设置“%1”的值类型不正确。</translation>
    </message>
    <message>
        <source>Use a whole number.</source>
        <translation>请使用整数。</translation>
    </message>
    <message>
        <source>Use text.</source>
        <translation>请使用文本。</translation>
    </message>
    <message>
        <source>The service port %1 is not between 1 and 65535.</source>
        <translation>服务端口 %1 不在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>Use the port your service listens on, such as 8080.</source>
        <translation>请使用服务实际监听的端口，例如 8080。</translation>
    </message>
    <message>
        <source>The health path &quot;%1&quot; must start with &quot;/&quot; and have no spaces.</source>
        <translation>健康检查路径“%1”必须以“/”开头，且不能包含空格。</translation>
    </message>
    <message>
        <source>Use a path such as /healthz.</source>
        <translation>请使用类似 /healthz 的路径。</translation>
    </message>
    <message>
        <source>GIN_MODE &quot;%1&quot; is not debug, release or test.</source>
        <translation>GIN_MODE“%1”不是 debug、release 或 test 之一。</translation>
    </message>
    <message>
        <source>Use release for servers and debug for development.</source>
        <translation>服务器上请使用 release，开发时使用 debug。</translation>
    </message>
    <message>
        <source>The deploy setting %1 is %2; it must be a positive number of seconds.</source>
        <translation>部署设置 %1 为 %2；它必须是正的秒数。</translation>
    </message>
    <message>
        <source>Use 1 or more.</source>
        <translation>请使用 1 或更大的值。</translation>
    </message>
    <message>
        <source>Keep releases is %1; at least one release must be kept.</source>
        <translation>保留版本数为 %1；至少要保留一个版本。</translation>
    </message>
    <message>
        <source>Use 1 or more; 5 is the default.</source>
        <translation>请使用 1 或更大的值；默认值为 5。</translation>
    </message>
    <message>
        <source>The service user &quot;%1&quot; is not a valid user name.</source>
        <translation>服务用户“%1”不是有效的用户名。</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits, &quot;-&quot; and &quot;_&quot;, starting with a letter.</source>
        <translation>请使用小写字母、数字、“-”和“_”，并以字母开头。</translation>
    </message>
    <message>
        <source>The restart policy &quot;%1&quot; is not one systemd knows.</source>
        <translation>重启策略“%1”不是 systemd 支持的策略。</translation>
    </message>
    <message>
        <source>Use on-failure (the default) or always.</source>
        <translation>请使用 on-failure（默认）或 always。</translation>
    </message>
    <message>
        <source>The memory limit &quot;%1&quot; is not a size.</source>
        <translation>内存上限“%1”不是有效的大小。</translation>
    </message>
    <message>
        <source>Use a size like 512M or 1G, or infinity; leave it empty for no limit.</source>
        <translation>请使用类似 512M 或 1G 的大小，或 infinity；留空表示不限制。</translation>
    </message>
    <message>
        <source>The CPU quota &quot;%1&quot; is not a percentage.</source>
        <translation>CPU 配额“%1”不是百分比。</translation>
    </message>
    <message>
        <source>Use a percentage like 50% (half a core) or 200% (two cores); leave it empty for no limit.</source>
        <translation>请使用类似 50%（半个核心）或 200%（两个核心）的百分比；留空表示不限制。</translation>
    </message>
</context>
<context>
    <name>DeployStepNames</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>加锁</translation>
    </message>
    <message>
        <source>Probe the server</source>
        <translation>探测服务器</translation>
    </message>
    <message>
        <source>Upload and verify</source>
        <translation>上传并校验</translation>
    </message>
    <message>
        <source>Unpack a new release</source>
        <translation>解压新的发布</translation>
    </message>
    <message>
        <source>Write the env file</source>
        <translation>写入环境变量文件</translation>
    </message>
    <message>
        <source>Install the service</source>
        <translation>安装服务</translation>
    </message>
    <message>
        <source>Wait for the first server</source>
        <translation>等待第一台服务器</translation>
    </message>
    <message>
        <source>Switch and restart</source>
        <translation>切换并重启</translation>
    </message>
    <message>
        <source>Wait until healthy</source>
        <translation>等待健康检查通过</translation>
    </message>
    <message>
        <source>Record the release</source>
        <translation>记录发布</translation>
    </message>
    <message>
        <source>Prune old releases</source>
        <translation>清理旧的发布</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
</context>
<context>
    <name>Dotenv</name>
    <message>
        <source>%1 is set a second time; line %2 sets it already.</source>
        <translation>%1 被重复设置；第 %2 行已经设置过它。</translation>
    </message>
    <message>
        <source>Keep one of the two lines and delete the other.</source>
        <translation>请保留两行中的一行，删除另一行。</translation>
    </message>
    <message>
        <source>The line has no &quot;=&quot; between a name and a value.</source>
        <translation>该行在名称和值之间没有“=”。</translation>
    </message>
    <message>
        <source>Write it as NAME=value, or start it with &quot;#&quot; to make it a comment.</source>
        <translation>请写成 NAME=value 的形式，或以“#”开头将其作为注释。</translation>
    </message>
    <message>
        <source>The single quote that opens this value is never closed.</source>
        <translation>此值开头的单引号没有闭合。</translation>
    </message>
    <message>
        <source>Add the closing &apos; after the value.</source>
        <translation>请在值的后面加上闭合的 &apos;。</translation>
    </message>
    <message>
        <source>The double quote that opens this value is never closed.</source>
        <translation>此值开头的双引号没有闭合。</translation>
    </message>
    <message>
        <source>Add the closing &quot; after the value, and write a &quot; inside the value as \&quot;.</source>
        <translation>请在值的后面加上闭合的 &quot;，值中的 &quot; 请写成 \&quot;。</translation>
    </message>
    <message>
        <source>Text follows the quote that closes the value.</source>
        <translation>闭合值的引号后面还有其他文本。</translation>
    </message>
    <message>
        <source>Put the whole value inside the quotes, or start a comment with &quot; #&quot;.</source>
        <translation>请将整个值放在引号内，或用“ #”开始注释。</translation>
    </message>
    <message>
        <source>The line is not valid UTF-8 text.</source>
        <translation>该行不是有效的 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Save the file with the UTF-8 encoding.</source>
        <translation>请以 UTF-8 编码保存该文件。</translation>
    </message>
    <message>
        <source>%1 appears twice in the list of variables to write.</source>
        <translation>%1 在要写入的变量列表中出现了两次。</translation>
    </message>
    <message>
        <source>Keep one of them.</source>
        <translation>请只保留其中一个。</translation>
    </message>
    <message>
        <source>The value of %1 holds a broken UTF-16 surrogate and cannot be written as UTF-8.</source>
        <translation>%1 的值包含损坏的 UTF-16 代理项，无法写成 UTF-8。</translation>
    </message>
    <message>
        <source>Enter the value again.</source>
        <translation>请重新输入该值。</translation>
    </message>
</context>
<context>
    <name>EnvDiff</name>
    <message>
        <source>~ %1 (secret changed)</source>
        <translation>~ %1（机密已更改）</translation>
    </message>
    <message>
        <source>%1 added, %2 removed, %3 changed.</source>
        <translation>新增 %1 个，删除 %2 个，修改 %3 个。</translation>
    </message>
    <message>
        <source>Nothing is deployed to %1 yet; the whole profile would be added.</source>
        <translation>%1 上尚未部署任何内容；整个部署配置都将被添加。</translation>
    </message>
</context>
<context>
    <name>EnvDiffReader</name>
    <message>
        <source>Could not read the env file on %1: %2</source>
        <translation>无法读取 %1 上的环境变量文件：%2</translation>
    </message>
    <message>
        <source>%1 changed</source>
        <translation>%1 项已更改</translation>
    </message>
    <message>
        <source>%1 added</source>
        <translation>%1 项新增</translation>
    </message>
    <message>
        <source>%1 removed</source>
        <translation>%1 项移除</translation>
    </message>
    <message>
        <source>nothing would change (%1 unchanged)</source>
        <translation>没有任何改动（%1 项不变）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>Read %1 on %2 at %3: %4.</source>
        <translation>于 %3 读取了 %2 上的 %1：%4。</translation>
    </message>
</context>
<context>
    <name>EnvName</name>
    <message>
        <source>A name starts with an ASCII letter or &quot;_&quot; and holds only ASCII letters, digits and &quot;_&quot;, such as DATABASE_URL.</source>
        <translation>名称须以 ASCII 字母或“_”开头，且只能包含 ASCII 字母、数字和“_”，例如 DATABASE_URL。</translation>
    </message>
    <message>
        <source>An environment variable has an empty name.</source>
        <translation>有一个环境变量的名称为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid environment variable name.</source>
        <translation>“%1”不是有效的环境变量名。</translation>
    </message>
</context>
<context>
    <name>Gantry::AboutPage</name>
    <message>
        <source>Build Go web services and deploy them to your servers, without the command line.</source>
        <translation>无需命令行，即可构建 Go Web 服务并将其部署到您的服务器。</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时使用 %2）</translation>
    </message>
    <message>
        <source>© Gantry contributors. Gantry is distributed under the terms of its LICENSE file; Qt is used under the GNU LGPL version 3.</source>
        <translation>© Gantry 贡献者。Gantry 依据其 LICENSE 文件中的条款分发；Qt 依据 GNU LGPL 第 3 版使用。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本:</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证:</translation>
    </message>
    <message>
        <source>Website:</source>
        <translation>网站:</translation>
    </message>
    <message>
        <source>Report a problem:</source>
        <translation>报告问题:</translation>
    </message>
    <message>
        <source>Issue tracker</source>
        <translation>问题跟踪</translation>
    </message>
    <message>
        <source>Go downloads:</source>
        <translation>Go 下载:</translation>
    </message>
</context>
<context>
    <name>Gantry::AlertWebhook</name>
    <message>
        <source>The webhook %1 answered HTTP %2.</source>
        <translation>Webhook %1 返回了 HTTP %2。</translation>
    </message>
    <message>
        <source>The webhook %1 could not be reached: %2</source>
        <translation>无法连接 Webhook %1：%2</translation>
    </message>
</context>
<context>
    <name>Gantry::Application</name>
    <message>
        <source>Build Go web services and deploy them to your servers.</source>
        <translation>构建 Go Web 服务并将其部署到您的服务器。</translation>
    </message>
    <message>
        <source>Interface language, e.g. en or zh_CN.</source>
        <translation>界面语言，例如 en 或 zh_CN。</translation>
    </message>
    <message>
        <source>Open the main window, check it, and quit.</source>
        <translation>打开主窗口并进行检查，然后退出。</translation>
    </message>
    <message>
        <source>A Go project to open.</source>
        <translation>要打开的 Go 项目。</translation>
    </message>
    <message>
        <source>The workspace folder (default: %1).</source>
        <translation>工作区文件夹（默认：%1）。</translation>
    </message>
    <message>
        <source>Gantry</source>
        <translation>Gantry</translation>
    </message>
    <message>
        <source>Gantry cannot open its workspace %1.

%2</source>
        <translation>Gantry 无法打开其工作区 %1。

%2</translation>
    </message>
    <message>
        <source>Also boot a local demo server (a systemd container) to deploy to; it stops when Gantry exits.</source>
        <translation>同时启动一台本地演示服务器（systemd 容器）供部署；Gantry 退出时它会停止。</translation>
    </message>
    <message>
        <source>The demo server &quot;%1&quot; is ready: build, then deploy to it.</source>
        <translation>演示服务器“%1”已就绪：先构建，然后部署到它。</translation>
    </message>
    <message>
        <source>Demo server</source>
        <translation>演示服务器</translation>
    </message>
</context>
<context>
    <name>Gantry::BuildOutputChooser</name>
    <message>
        <source>Build now, or deploy a finished build of this project as it is</source>
        <translation>立即构建，或按原样部署此项目已完成的构建</translation>
    </message>
    <message>
        <source>Build now</source>
        <translation>立即构建</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose a build folder (one with manifest.json, such as dist/1.2.0)</source>
        <translation>选择一个构建文件夹（包含 manifest.json，例如 dist/1.2.0）</translation>
    </message>
    <message>
        <source>Choose a Build Folder</source>
        <translation>选择构建文件夹</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Builds the version below for the ticked servers (skipped when already built).</source>
        <translation>为勾选的服务器构建下方的版本（已构建时跳过）。</translation>
    </message>
    <message>
        <source>Reading the build in %1…</source>
        <translation>正在读取 %1 中的构建…</translation>
    </message>
    <message>
        <source>Version %1 in %2 has no Linux build to deploy.</source>
        <translation>%2 中的版本 %1 没有可部署的 Linux 构建。</translation>
    </message>
    <message>
        <source>Version %1 for %2.</source>
        <translation>版本 %1，适用于 %2。</translation>
    </message>
</context>
<context>
    <name>Gantry::BuildPage</name>
    <message>
        <source>Open a Go project to build it.</source>
        <translation>请打开一个 Go 项目以进行构建。</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>未打开项目</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose the folder that holds your project&apos;s go.mod</source>
        <translation>选择包含项目 go.mod 的文件夹</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目:</translation>
    </message>
    <message>
        <source>from git (tag, or 0.0.0-&lt;commit&gt;)</source>
        <translation>取自 git（标签，或 0.0.0-&lt;commit&gt;）</translation>
    </message>
    <message>
        <source>The version stamped into the binaries; leave empty to take it from git</source>
        <translation>写入二进制文件的版本号；留空则从 git 获取</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>版本(&amp;V):</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标平台</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>构建(&amp;B)</translation>
    </message>
    <message>
        <source>Build static, version-stamped binaries for the ticked targets</source>
        <translation>为勾选的目标平台构建嵌入版本号的静态二进制文件</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Build output appears here.</source>
        <translation>构建输出将显示在此处。</translation>
    </message>
    <message>
        <source>Artifacts</source>
        <translation>构建产物</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Open &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Open Go Project</source>
        <translation>打开 Go 项目</translation>
    </message>
    <message>
        <source>Ready to build. Tick the targets your servers need and press Build.</source>
        <translation>已准备好构建。请勾选服务器所需的目标平台，然后点击“构建”。</translation>
    </message>
    <message>
        <source>No target is ticked. Tick at least one platform to build for.</source>
        <translation>未勾选任何目标平台。请至少勾选一个要构建的平台。</translation>
    </message>
    <message>
        <source>Building %1 %2 with %3…</source>
        <translation>正在使用 %3 构建 %1 %2…</translation>
    </message>
    <message>
        <source>Warning: %1 %2</source>
        <translation>警告：%1 %2</translation>
    </message>
    <message>
        <source>Preparing the build…</source>
        <translation>正在准备构建…</translation>
    </message>
    <message>
        <source>Built %1 %2 into %3.</source>
        <translation>已构建 %1 %2，输出到 %3。</translation>
    </message>
</context>
<context>
    <name>Gantry::BuildSession</name>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>磁盘已满：无法写入 %1。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Free some space or choose another output folder, then build again.</source>
        <translation>请释放一些磁盘空间或选择其他输出文件夹，然后重新构建。</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>building</source>
        <translation>构建中</translation>
    </message>
    <message>
        <source>verifying</source>
        <translation>校验中</translation>
    </message>
    <message>
        <source>packaging</source>
        <translation>打包中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>The build for %1 took longer than %2 minutes and was stopped.</source>
        <translation>%1 的构建耗时超过 %2 分钟，已被停止。</translation>
    </message>
    <message>
        <source>Check for a step that waits on the network, or raise the build timeout.</source>
        <translation>请检查是否有等待网络的步骤，或延长构建超时时间。</translation>
    </message>
    <message>
        <source>Go could not be started for %1.</source>
        <translation>无法为 %1 启动 Go。</translation>
    </message>
    <message>
        <source>Check the Go installation in Settings.</source>
        <translation>请在“设置”中检查 Go 的安装。</translation>
    </message>
    <message>
        <source>The disk is full: Go could not write the binary for %1.</source>
        <translation>磁盘已满：Go 无法写入 %1 的二进制文件。</translation>
    </message>
    <message>
        <source>Free some space on the disk holding %1, then build again.</source>
        <translation>请在 %1 所在的磁盘上释放一些空间，然后重新构建。</translation>
    </message>
    <message numerus="yes">
        <source>The build for %1 failed with %n compile error(s); the first is %2: %3</source>
        <translation>
            <numerusform>%1 构建失败，共有 %n 个编译错误；第一个错误位于 %2：%3</numerusform>
        </translation>
    </message>
    <message>
        <source>Fix the code at the places listed, then build again.</source>
        <translation>请修正所列位置的代码，然后重新构建。</translation>
    </message>
    <message>
        <source>Go could not load the project&apos;s dependencies: %1</source>
        <translation>Go 无法加载项目的依赖：%1</translation>
    </message>
    <message>
        <source>Check go.mod and the project&apos;s GOPROXY and GOPRIVATE settings; running &quot;go mod tidy&quot; in the project often fixes this.</source>
        <translation>请检查 go.mod 以及项目的 GOPROXY 和 GOPRIVATE 设置；在项目中运行“go mod tidy”通常可以解决此问题。</translation>
    </message>
    <message>
        <source>Go failed to build %1 (exit code %2).</source>
        <translation>Go 构建 %1 失败（退出代码 %2）。</translation>
    </message>
    <message>
        <source>Read the output above for the cause.</source>
        <translation>请查看上方的输出以了解原因。</translation>
    </message>
    <message>
        <source>The build was cancelled.</source>
        <translation>构建已取消。</translation>
    </message>
    <message>
        <source>Start it again when you are ready.</source>
        <translation>准备就绪后可重新开始构建。</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
</context>
<context>
    <name>Gantry::DemoServer</name>
    <message>
        <source>The demo server&apos;s boot script (testhost.sh) is not installed with this Gantry.</source>
        <translation>此 Gantry 未安装演示服务器的启动脚本（testhost.sh）。</translation>
    </message>
    <message>
        <source>The demo server needs systemd-nspawn: install the systemd-container package.</source>
        <translation>演示服务器需要 systemd-nspawn：请安装 systemd-container 软件包。</translation>
    </message>
    <message>
        <source>The demo server needs a Linux machine.</source>
        <translation>演示服务器需要在 Linux 机器上运行。</translation>
    </message>
    <message>
        <source>The demo server needs root rights to boot a container: start Gantry with sudo for the demo.</source>
        <translation>演示服务器需要 root 权限才能启动容器：请使用 sudo 启动 Gantry 来运行演示。</translation>
    </message>
    <message>
        <source>Booting the demo server (a local systemd container)…</source>
        <translation>正在启动演示服务器（一个本地 systemd 容器）…</translation>
    </message>
    <message>
        <source>The demo server did not boot: %1 Check that this machine can run systemd-nspawn containers (root, systemd-container installed).</source>
        <translation>演示服务器未能启动：%1 请检查本机能否运行 systemd-nspawn 容器（需要 root 权限并已安装 systemd-container）。</translation>
    </message>
    <message>
        <source>The demo server booted, but its address or host key could not be read.</source>
        <translation>演示服务器已启动，但无法读取其地址或主机密钥。</translation>
    </message>
    <message>
        <source>The demo server&apos;s host key could not be saved in %1.</source>
        <translation>无法将演示服务器的主机密钥保存到 %1。</translation>
    </message>
</context>
<context>
    <name>Gantry::DeployPage</name>
    <message>
        <source>P&amp;lan</source>
        <translation>计划(&amp;L)</translation>
    </message>
    <message>
        <source>Pro&amp;gress</source>
        <translation>进度(&amp;G)</translation>
    </message>
    <message>
        <source>Rele&amp;ases</source>
        <translation>发布记录(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;ervers</source>
        <translation>服务器(&amp;E)</translation>
    </message>
    <message>
        <source>Tick the servers to deploy to; add servers on the Servers page</source>
        <translation>勾选要部署到的服务器；可在“服务器”页面添加服务器</translation>
    </message>
    <message>
        <source>from git</source>
        <translation>取自 git</translation>
    </message>
    <message>
        <source>The version to build and deploy; built only when it is not built yet</source>
        <translation>要构建并部署的版本；仅在尚未构建时才会构建</translation>
    </message>
    <message>
        <source>The profile whose variables and settings the service gets</source>
        <translation>服务将使用此部署配置的变量和设置</translation>
    </message>
    <message>
        <source>all at once</source>
        <translation>全部同时</translation>
    </message>
    <message>
        <source>After the first server passes its health check, how many switch at a time</source>
        <translation>第一台服务器通过健康检查后，每批同时切换多少台</translation>
    </message>
    <message>
        <source>Brea&amp;k a stale lock</source>
        <translation>解除失效的锁(&amp;K)</translation>
    </message>
    <message>
        <source>Take over a server&apos;s deploy lock left by a deploy that is gone for good</source>
        <translation>接管服务器上由已不复存在的部署遗留下来的部署锁</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>项目:</translation>
    </message>
    <message>
        <source>Versi&amp;on:</source>
        <translation>版本(&amp;O):</translation>
    </message>
    <message>
        <source>Prof&amp;ile:</source>
        <translation>部署配置(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Batch size:</source>
        <translation>每批数量(&amp;B):</translation>
    </message>
    <message>
        <source>&amp;Review Plan</source>
        <translation>查看计划(&amp;R)</translation>
    </message>
    <message>
        <source>Build if needed, then show the plan and what changes in each server&apos;s env file</source>
        <translation>按需构建，然后显示部署计划以及每台服务器的环境变量文件将发生的变化</translation>
    </message>
    <message>
        <source>View &amp;Unit File…</source>
        <translation>查看单元文件(&amp;U)…</translation>
    </message>
    <message>
        <source>The systemd unit this deploy installs</source>
        <translation>本次部署将安装的 systemd 单元</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>Deploy the reviewed plan</source>
        <translation>按已查看的计划进行部署</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the build, or stop servers that have not switched yet</source>
        <translation>停止构建，或让尚未切换的服务器停止部署</translation>
    </message>
    <message>
        <source>Tick servers and press Review Plan: the plan, the env file changes per server and the unit file appear here before anything is deployed.</source>
        <translation>勾选服务器并点击“查看计划”：在真正部署之前，这里会显示部署计划、每台服务器环境变量文件的变化以及单元文件。</translation>
    </message>
    <message>
        <source>The build&apos;s progress, and the service&apos;s last log lines when a deploy fails.</source>
        <translation>构建进度，以及部署失败时服务最后的日志行。</translation>
    </message>
    <message>
        <source>Open a project on the Projects page.</source>
        <translation>请先在“项目”页面打开一个项目。</translation>
    </message>
    <message>
        <source>%1 (service %2)</source>
        <translation>%1（服务 %2）</translation>
    </message>
    <message>
        <source>Building %1 for %2 if needed…</source>
        <translation>正在按需为 %2 构建 %1…</translation>
    </message>
    <message>
        <source>The build was cancelled.</source>
        <translation>构建已取消。</translation>
    </message>
    <message>
        <source>Reading secrets from the keychain…</source>
        <translation>正在从钥匙串读取机密…</translation>
    </message>
    <message>
        <source>(reading the env file on the server…)</source>
        <translation>（正在读取服务器上的环境变量文件…）</translation>
    </message>
    <message>
        <source>Comparing the env files on the servers…</source>
        <translation>正在比较服务器上的环境变量文件…</translation>
    </message>
    <message>
        <source>Review the plan and the env file changes, then press Deploy.</source>
        <translation>请检查部署计划和环境变量文件的变化，然后点击“部署”。</translation>
    </message>
    <message>
        <source>Some servers could not be reached; see the plan.</source>
        <translation>有些服务器无法连接；请查看计划。</translation>
    </message>
    <message>
        <source>Check the server on the Servers page, or untick it.</source>
        <translation>请在“服务器”页面检查该服务器，或取消勾选它。</translation>
    </message>
    <message>
        <source>== %1 (%2): %3 %4 to %5, profile %6 ==</source>
        <translation>== %1（%2）：%3 %4 部署到 %5，部署配置 %6 ==</translation>
    </message>
    <message>
        <source>Plan: %1</source>
        <translation>计划：%1</translation>
    </message>
    <message>
        <source>Env file %1:</source>
        <translation>环境变量文件 %1:</translation>
    </message>
    <message numerus="yes">
        <source>Deploying %1 %2 to %n server(s)…</source>
        <translation>
            <numerusform>正在将 %1 %2 部署到 %n 台服务器…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling: servers that have not switched yet stop; switched ones finish.</source>
        <translation>正在取消：尚未切换的服务器将停止，已切换的服务器会完成部署。</translation>
    </message>
    <message>
        <source>%1 (release %2)</source>
        <translation>%1（发布 %2）</translation>
    </message>
    <message>
        <source>%1 failed: %2 %3</source>
        <translation>%1 失败：%2 %3</translation>
    </message>
    <message>
        <source>Last health answer: HTTP %1 %2</source>
        <translation>最后一次健康检查响应：HTTP %1 %2</translation>
    </message>
    <message>
        <source>Last log lines of %1:</source>
        <translation>%1 最后的日志行:</translation>
    </message>
    <message>
        <source>%1 %2 is live on %3.</source>
        <translation>%1 %2 已在 %3 上线。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The previous release serves again.</source>
        <translation>之前的发布已重新提供服务。</translation>
    </message>
    <message>
        <source>Build ou&amp;tput:</source>
        <translation>构建输出(&amp;T):</translation>
    </message>
    <message>
        <source>Checking the build in %1…</source>
        <translation>正在检查 %1 中的构建…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>Gantry::DeployProgressModel</name>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>deploying…</source>
        <translation>部署中…</translation>
    </message>
    <message>
        <source>Server and step</source>
        <translation>服务器和步骤</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>%1 of %2, %3/s</source>
        <translation>%1 / %2，%3/秒</translation>
    </message>
    <message>
        <source>release %1 is live</source>
        <translation>发布 %1 已上线</translation>
    </message>
    <message>
        <source>rolled back: %1</source>
        <translation>已回滚：%1</translation>
    </message>
</context>
<context>
    <name>Gantry::DeploySettingsForm</name>
    <message>
        <source>Health &amp;interval:</source>
        <translation>健康检查间隔(&amp;I):</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Start &amp;grace:</source>
        <translation>启动宽限期(&amp;G):</translation>
    </message>
    <message>
        <source>Service &amp;user:</source>
        <translation>服务用户(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Restart policy:</source>
        <translation>重启策略(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Stop timeout:</source>
        <translation>停止超时(&amp;S):</translation>
    </message>
    <message>
        <source>no limit (e.g. 512M, 1G)</source>
        <translation>不限制（例如 512M、1G）</translation>
    </message>
    <message>
        <source>no limit (e.g. 50%, 200%)</source>
        <translation>不限制（例如 50%、200%）</translation>
    </message>
    <message>
        <source>&amp;Keep releases:</source>
        <translation>保留版本数(&amp;K):</translation>
    </message>
    <message>
        <source>Profile setting %1</source>
        <translation>配置项 %1</translation>
    </message>
    <message>
        <source>Service p&amp;ort:</source>
        <translation>服务端口(&amp;O):</translation>
    </message>
    <message>
        <source>Health pa&amp;th:</source>
        <translation>健康检查路径(&amp;T):</translation>
    </message>
    <message>
        <source>Health ti&amp;meout:</source>
        <translation>健康检查超时(&amp;M):</translation>
    </message>
    <message>
        <source>Restart de&amp;lay:</source>
        <translation>重启延迟(&amp;L):</translation>
    </message>
    <message>
        <source>Save Deplo&amp;y Settings</source>
        <translation>保存部署设置(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>Gantry::EnvDiffModel</name>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show or hide this value</source>
        <translation>显示或隐藏此值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>改动</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>服务器上</translation>
    </message>
    <message>
        <source>In the profile</source>
        <translation>部署配置中</translation>
    </message>
</context>
<context>
    <name>Gantry::ErrorPanel</name>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Show what the server or the tool said</source>
        <translation>显示服务器或工具的原始输出</translation>
    </message>
</context>
<context>
    <name>Gantry::EventListModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>Gantry::HealthPage</name>
    <message>
        <source>Refre&amp;sh</source>
        <translation>刷新(&amp;S)</translation>
    </message>
    <message>
        <source>Ask every server again now</source>
        <translation>立即重新查询所有服务器</translation>
    </message>
    <message>
        <source>S&amp;tart</source>
        <translation>启动(&amp;T)</translation>
    </message>
    <message>
        <source>Start the selected service</source>
        <translation>启动所选服务</translation>
    </message>
    <message>
        <source>St&amp;op…</source>
        <translation>停止(&amp;O)…</translation>
    </message>
    <message>
        <source>Stop the selected service</source>
        <translation>停止所选服务</translation>
    </message>
    <message>
        <source>&amp;Restart…</source>
        <translation>重启(&amp;R)…</translation>
    </message>
    <message>
        <source>Restart the selected service</source>
        <translation>重启所选服务</translation>
    </message>
    <message>
        <source>Roll &amp;Back…</source>
        <translation>回滚(&amp;B)…</translation>
    </message>
    <message>
        <source>Switch the selected service back to its previous good release</source>
        <translation>将所选服务切换回之前的正常发布</translation>
    </message>
    <message>
        <source>Open &amp;Logs</source>
        <translation>打开日志(&amp;L)</translation>
    </message>
    <message>
        <source>Show the selected service&apos;s journal</source>
        <translation>显示所选服务的日志</translation>
    </message>
    <message>
        <source>&amp;Details…</source>
        <translation>详情(&amp;D)…</translation>
    </message>
    <message>
        <source>Charts of the selected service over time</source>
        <translation>所选服务随时间变化的图表</translation>
    </message>
    <message>
        <source>Alerts and recoveries, newest first:</source>
        <translation>告警和恢复事件，最新的在前:</translation>
    </message>
    <message>
        <source>Asking your servers…</source>
        <translation>正在查询您的服务器…</translation>
    </message>
    <message>
        <source>No server is watched yet. Add one on the Servers page; its services show here.</source>
        <translation>尚未监控任何服务器。请在“服务器”页面添加一台服务器，其上的服务会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>online, %n service(s)</source>
        <translation>
            <numerusform>在线，%n 个服务</numerusform>
        </translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>journal %1</source>
        <translation>日志占用 %1</translation>
    </message>
    <message>
        <source>(too large or its disk %1% full: shrink it with journalctl --vacuum-size=500M)</source>
        <translation>（日志过大，或所在磁盘已用 %1%：请用 journalctl --vacuum-size=500M 缩减日志）</translation>
    </message>
    <message>
        <source>Stop Service</source>
        <translation>停止服务</translation>
    </message>
    <message>
        <source>Restart Service</source>
        <translation>重启服务</translation>
    </message>
    <message>
        <source>Stop %1 on %2?</source>
        <translation>要停止 %2 上的 %1 吗？</translation>
    </message>
    <message>
        <source>Restart %1 on %2?</source>
        <translation>要重启 %2 上的 %1 吗？</translation>
    </message>
    <message>
        <source>It stops answering requests until you start it again.</source>
        <translation>在您重新启动它之前，它将不再响应请求。</translation>
    </message>
    <message>
        <source>It does not answer requests for the moment it takes to start again.</source>
        <translation>在它重新启动的这段时间内，将暂时无法响应请求。</translation>
    </message>
    <message>
        <source>&amp;Stop %1</source>
        <translation>停止 %1(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Restart %1</source>
        <translation>重启 %1(&amp;R)</translation>
    </message>
    <message>
        <source>%1: %2 %3…</source>
        <translation>%1：正在 %2 %3…</translation>
    </message>
    <message>
        <source>%1: %2 was started.</source>
        <translation>%1：%2 已启动。</translation>
    </message>
    <message>
        <source>%1: %2 was stopped.</source>
        <translation>%1：%2 已停止。</translation>
    </message>
    <message>
        <source>%1: %2 was restarted.</source>
        <translation>%1：%2 已重启。</translation>
    </message>
    <message>
        <source>%1: reading the releases of %2…</source>
        <translation>%1：正在读取 %2 的发布记录…</translation>
    </message>
    <message>
        <source>%1 on %2 has no earlier good release to go back to.</source>
        <translation>%2 上的 %1 没有可回滚到的更早的正常发布。</translation>
    </message>
    <message>
        <source>Deploy the version you want instead.</source>
        <translation>请改为直接部署您需要的版本。</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Roll %1 on %2 back to version %3 (release %4)?</source>
        <translation>将 %2 上的 %1 回滚到版本 %3（发布 %4）吗？</translation>
    </message>
    <message>
        <source>The service restarts on version %1 and must pass its health check. Version %2 is marked bad and never picked again.</source>
        <translation>服务将以版本 %1 重启，并且必须通过健康检查。版本 %2 会被标记为有问题，以后不再使用。</translation>
    </message>
    <message>
        <source>&amp;Roll Back to %1</source>
        <translation>回滚到 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Rolling %1 on %2 back to version %3…</source>
        <translation>正在将 %2 上的 %1 回滚到版本 %3…</translation>
    </message>
    <message>
        <source>%1: %2 serves version %3 again and is healthy.</source>
        <translation>%1：%2 已重新以版本 %3 提供服务，运行正常。</translation>
    </message>
</context>
<context>
    <name>Gantry::HostMonitor</name>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>%2 返回 HTTP %1</translation>
    </message>
</context>
<context>
    <name>Gantry::LogFilterProxyModel</name>
    <message>
        <source>The search is not a valid regular expression: %1 (at character %2).</source>
        <translation>搜索内容不是有效的正则表达式：%1（位于第 %2 个字符）。</translation>
    </message>
    <message>
        <source>Fix the expression, or untick Regex to search for the text as it is.</source>
        <translation>请修正该表达式，或取消勾选“正则表达式”，按原文搜索该文本。</translation>
    </message>
    <message>
        <source>The lines could not be written: %1.</source>
        <translation>无法写入这些日志行：%1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with free space.</source>
        <translation>请选择一个您有写入权限且有剩余空间的文件夹。</translation>
    </message>
</context>
<context>
    <name>Gantry::LogModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>Gantry::LogStream</name>
    <message>
        <source>journalctl on %1 ended with exit status %2.</source>
        <translation>%1 上的 journalctl 已结束，退出状态 %2。</translation>
    </message>
    <message>
        <source>Read the details, fix the cause on the server and open the log again.</source>
        <translation>请阅读详细信息，在服务器上修复原因，然后重新打开日志。</translation>
    </message>
</context>
<context>
    <name>Gantry::LogsPage</name>
    <message>
        <source>The project whose service&apos;s log to show</source>
        <translation>要显示其服务日志的项目</translation>
    </message>
    <message>
        <source>Pro&amp;ject:</source>
        <translation>项目(&amp;J):</translation>
    </message>
    <message>
        <source>S&amp;ervers</source>
        <translation>服务器(&amp;E)</translation>
    </message>
    <message>
        <source>Tick the servers whose log to stream and show</source>
        <translation>勾选要实时获取并显示其日志的服务器</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>Show the last %n line(s) of each ticked server, then follow new ones</source>
        <translation>
            <numerusform>显示每台已勾选服务器的最后 %n 行日志，然后持续跟踪新行</numerusform>
        </translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Stop streaming; the lines received stay</source>
        <translation>停止实时获取；已收到的日志行会保留</translation>
    </message>
    <message>
        <source>The least severe level shown</source>
        <translation>显示的最低日志级别</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>所有级别</translation>
    </message>
    <message>
        <source>Debug and above</source>
        <translation>调试及以上</translation>
    </message>
    <message>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warning and above</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <source>Error and above</source>
        <translation>错误及以上</translation>
    </message>
    <message>
        <source>Fatal only</source>
        <translation>仅致命</translation>
    </message>
    <message>
        <source>How far back to show lines</source>
        <translation>显示多长时间以内的日志行</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索消息</translation>
    </message>
    <message>
        <source>Rege&amp;x</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <source>Search with a regular expression (any case)</source>
        <translation>使用正则表达式搜索（不区分大小写）</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Hold the view still; new lines are still received</source>
        <translation>让视图保持不动；仍会继续接收新行</translation>
    </message>
    <message>
        <source>&amp;Follow</source>
        <translation>跟随新行(&amp;F)</translation>
    </message>
    <message>
        <source>Scroll to new lines while the view is at the bottom</source>
        <translation>视图位于底部时，自动滚动到新行</translation>
    </message>
    <message>
        <source>Exp&amp;ort…</source>
        <translation>导出(&amp;O)…</translation>
    </message>
    <message>
        <source>Save the lines shown to a text file</source>
        <translation>将显示的日志行保存到文本文件</translation>
    </message>
    <message numerus="yes">
        <source>No lines yet. Pick a project and its servers, then press Start: the last %n line(s) of each server appear, then new ones as they are written. Warnings and worse are shown at first; pick All levels to see every line.</source>
        <translation>
            <numerusform>还没有日志行。请选择一个项目及其服务器，然后点击“开始”：先显示每台服务器最后的 %n 行，之后新写入的行会随时显示。起初只显示警告及更严重的级别；选择“所有级别”可查看每一行。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>继续(&amp;M)</translation>
    </message>
    <message>
        <source>Export Log Lines</source>
        <translation>导出日志行</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 could not be created: %2.</source>
        <translation>无法创建 %1：%2。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择一个您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2.</source>
        <translation>无法保存 %1：%2。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with free space.</source>
        <translation>请选择一个您有写入权限且有剩余空间的文件夹。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n line(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 行导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 lines kept, %2 shown.</source>
        <translation>保留 %1 行，显示 %2 行。</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: streaming.</source>
        <translation>%1：正在实时获取日志。</translation>
    </message>
    <message>
        <source>%1: the stream ended.</source>
        <translation>%1：日志流已结束。</translation>
    </message>
    <message>
        <source>%1: failed (see below).</source>
        <translation>%1：失败（见下方）。</translation>
    </message>
    <message>
        <source>Open a project on the Projects page to see its service&apos;s log.</source>
        <translation>请先在“项目”页面打开一个项目，以查看其服务的日志。</translation>
    </message>
    <message>
        <source>Not streaming %1.</source>
        <translation>未在实时获取 %1 的日志。</translation>
    </message>
    <message>
        <source>Paused: new lines are kept but the view holds still.</source>
        <translation>已暂停：新行会被保留，但视图保持不动。</translation>
    </message>
</context>
<context>
    <name>Gantry::MainWindow</name>
    <message>
        <source>Gantry</source>
        <translation>Gantry</translation>
    </message>
    <message>
        <source>%1 — Gantry</source>
        <translation>%1 — Gantry</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Gantry</source>
        <translation>关于 Gantry(&amp;A)</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Open a Go project and see what Gantry found in it</source>
        <translation>打开 Go 项目，查看 Gantry 检测到的信息</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Build static binaries for your servers</source>
        <translation>为您的服务器构建静态二进制文件</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>部署配置</translation>
    </message>
    <message>
        <source>Variables, secrets and deploy settings per profile</source>
        <translation>每个配置的变量、机密和部署设置</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Workspace, Go toolchain, language and theme</source>
        <translation>工作区、Go 工具链、语言和主题</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Version and license</source>
        <translation>版本和许可证</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Show Gantry</source>
        <translation>显示 Gantry(&amp;S)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>The servers you deploy to: sign-in, host keys and what they run</source>
        <translation>您要部署到的服务器：登录方式、主机密钥和运行环境</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Deploy the project to your servers, watch it happen, roll back</source>
        <translation>将项目部署到服务器，实时查看进度，必要时回滚</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康状况</translation>
    </message>
    <message>
        <source>Every service on every server: state, resources and alerts</source>
        <translation>所有服务器上的所有服务：状态、资源和告警</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>Live service logs from your servers, filtered by level</source>
        <translation>来自您服务器的实时服务日志，可按级别筛选</translation>
    </message>
    <message>
        <source>Recovered on %1</source>
        <translation>%1 已恢复</translation>
    </message>
    <message>
        <source>Alert on %1</source>
        <translation>%1 告警</translation>
    </message>
</context>
<context>
    <name>Gantry::MonitorHub</name>
    <message>
        <source>Alert %1 could not be posted to the webhook %2: %3. Check the webhook URL in the workspace (gantryctl events --webhook URL).</source>
        <translation>无法将告警 %1 发送到 Webhook %2：%3。请检查工作区中的 Webhook URL（gantryctl events --webhook URL）。</translation>
    </message>
</context>
<context>
    <name>Gantry::NewProfileDialog</name>
    <message>
        <source>New Profile</source>
        <translation>新建配置</translation>
    </message>
    <message>
        <source>e.g. staging</source>
        <translation>例如 staging</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Add Profile</source>
        <translation>添加配置(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Extends:</source>
        <translation>继承自(&amp;E):</translation>
    </message>
</context>
<context>
    <name>Gantry::PasswordDialog</name>
    <message>
        <source>Sign In to %1</source>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>&amp;Remember in the keychain</source>
        <translation>保存在钥匙串中(&amp;R)</translation>
    </message>
    <message>
        <source>Keep this password in the system keychain, so Gantry does not ask again</source>
        <translation>将此密码保存在系统钥匙串中，Gantry 以后不再询问</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>The passphrase of the key %1:</source>
        <translation>密钥 %1 的口令:</translation>
    </message>
    <message>
        <source>The password of %1:</source>
        <translation>%1 的密码:</translation>
    </message>
    <message>
        <source>The sudo password of %1 (Gantry needs root to install the service):</source>
        <translation>%1 的 sudo 密码（Gantry 需要 root 权限来安装服务）:</translation>
    </message>
    <message>
        <source>%1 asks: %2</source>
        <translation>%1 询问：%2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Gantry::ProcessRunner</name>
    <message>
        <source>The program &quot;%1&quot; was not found on PATH.</source>
        <translation>在 PATH 中找不到程序“%1”。</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 stopped unexpectedly.</source>
        <translation>%1 意外终止。</translation>
    </message>
</context>
<context>
    <name>Gantry::ProfilesPage</name>
    <message>
        <source>The deploy profile to edit, such as dev, test or prod</source>
        <translation>要编辑的部署配置，例如 dev、test 或 prod</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>配置(&amp;P):</translation>
    </message>
    <message>
        <source>Add a profile to this project, optionally extending another one</source>
        <translation>为此项目添加一个配置，可选择继承另一个配置</translation>
    </message>
    <message>
        <source>&amp;Variables</source>
        <translation>变量(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Deploy Settings</source>
        <translation>部署设置(&amp;D)</translation>
    </message>
    <message>
        <source>Open a project on the Projects page to edit its profiles.</source>
        <translation>请先在“项目”页面打开一个项目，然后编辑其配置。</translation>
    </message>
    <message>
        <source>Settings in bold are set by %1; the others are Gantry&apos;s defaults.</source>
        <translation>粗体设置项由 %1 设置；其余为 Gantry 的默认值。</translation>
    </message>
    <message>
        <source>Settings in bold are set by %1; the others come from %2 or Gantry&apos;s defaults.</source>
        <translation>粗体设置项由 %1 设置；其余来自 %2 或 Gantry 的默认值。</translation>
    </message>
    <message>
        <source>&amp;Add Profile…</source>
        <translation>添加配置(&amp;A)…</translation>
    </message>
    <message>
        <source>%1 extends no other profile. Names in bold are set by this profile.</source>
        <translation>%1 不继承其他配置。粗体名称由此配置设置。</translation>
    </message>
    <message>
        <source>%1 extends %2. Names in bold are set by this profile; the others are inherited.</source>
        <translation>%1 继承自 %2。粗体名称由此配置设置；其余为继承而来。</translation>
    </message>
    <message>
        <source>Compare wit&amp;h Server</source>
        <translation>与服务器比较(&amp;H)</translation>
    </message>
</context>
<context>
    <name>Gantry::ProjectsPage</name>
    <message>
        <source>&amp;Open Project Folder…</source>
        <translation>打开项目文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>Choose the folder that holds your project&apos;s go.mod</source>
        <translation>选择包含项目 go.mod 的文件夹</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>尚未打开项目。</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open a project</source>
        <translation>双击或按 Enter 键打开项目</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Go toolchain:</source>
        <translation>Go 工具链:</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>模块:</translation>
    </message>
    <message>
        <source>Main packages:</source>
        <translation>main 包:</translation>
    </message>
    <message>
        <source>Version variable:</source>
        <translation>版本变量:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>警告:</translation>
    </message>
    <message>
        <source>Build settings for this project</source>
        <translation>此项目的构建设置</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>目标平台:</translation>
    </message>
    <message>
        <source>Passed to go build -ldflags. Placeholders: %1</source>
        <translation>传给 go build -ldflags。可用占位符：%1</translation>
    </message>
    <message>
        <source>&amp;Ldflags template:</source>
        <translation>Ldflags 模板(&amp;L):</translation>
    </message>
    <message>
        <source>Package the usual files (README, LICENSE, config/, static/ …)</source>
        <translation>打包常用文件（README、LICENSE、config/、static/ …）</translation>
    </message>
    <message>
        <source>Files and folders to package, separated by commas</source>
        <translation>要打包的文件和文件夹，用逗号分隔</translation>
    </message>
    <message>
        <source>Extra files:</source>
        <translation>额外文件:</translation>
    </message>
    <message>
        <source>Go&apos;s default; e.g. https://goproxy.cn,direct in China</source>
        <translation>使用 Go 的默认值；在中国可填 https://goproxy.cn,direct</translation>
    </message>
    <message>
        <source>Private module paths, e.g. git.example.com/*</source>
        <translation>私有模块路径，例如 git.example.com/*</translation>
    </message>
    <message>
        <source>&amp;Save Settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Keep these settings in the workspace; the Build page uses them</source>
        <translation>将这些设置保存在工作区中；“构建”页面会使用它们</translation>
    </message>
    <message>
        <source>Open Go Project</source>
        <translation>打开 Go 项目</translation>
    </message>
    <message>
        <source>Looking at the project…</source>
        <translation>正在检查项目…</translation>
    </message>
    <message>
        <source>%1 is not a Go project Gantry can open: %2</source>
        <translation>%1 不是 Gantry 可以打开的 Go 项目：%2</translation>
    </message>
    <message>
        <source>Project %1 is open. Its profiles are on the Profiles page.</source>
        <translation>项目 %1 已打开。其部署配置位于“部署配置”页面。</translation>
    </message>
    <message>
        <source>No workspace is open.</source>
        <translation>未打开工作区。</translation>
    </message>
    <message>
        <source>Choose a workspace folder in Settings and restart Gantry.</source>
        <translation>请在“设置”中选择工作区文件夹，然后重新启动 Gantry。</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1，位于 %2</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 (the module root)</source>
        <translation>%1（模块根目录）</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>The package %1 has no version variable, so its binary will not know its version.</source>
        <translation>包 %1 没有版本变量，因此其二进制文件无法得知自身版本。</translation>
    </message>
    <message>
        <source>Add `var version = &quot;dev&quot;` to package main, or set an ldflags template below.</source>
        <translation>请在 main 包中添加 `var version = &quot;dev&quot;`，或在下方设置 ldflags 模板。</translation>
    </message>
    <message>
        <source>None. The project can be built as static binaries.</source>
        <translation>无。该项目可以构建为静态二进制文件。</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>解决方法：%1</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>This project has none of them.</source>
        <translation>此项目中没有这些文件。</translation>
    </message>
    <message>
        <source>In this project: %1</source>
        <translation>此项目中有：%1</translation>
    </message>
    <message>
        <source>Tick at least one target platform.</source>
        <translation>请至少勾选一个目标平台。</translation>
    </message>
    <message>
        <source>Saved. The Build page uses these settings.</source>
        <translation>已保存。“构建”页面将使用这些设置。</translation>
    </message>
</context>
<context>
    <name>Gantry::RecentProjectsModel</name>
    <message>
        <source>Open %1 (%2)</source>
        <translation>打开 %1（%2）</translation>
    </message>
</context>
<context>
    <name>Gantry::ReleaseListModel</name>
    <message>
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>不完整</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已清理</translation>
    </message>
    <message>
        <source>good</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>failed its health check</source>
        <translation>未通过健康检查</translation>
    </message>
    <message>
        <source>rolled back from</source>
        <translation>已从此发布回滚</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>archive SHA-256 %1</source>
        <translation>归档 SHA-256 %1</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>部署时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Gantry::ReleasesPanel</name>
    <message>
        <source>Pick a server to see its releases.</source>
        <translation>选择一台服务器以查看其发布记录。</translation>
    </message>
    <message>
        <source>Roll Back to &amp;This Release…</source>
        <translation>回滚到此发布(&amp;T)…</translation>
    </message>
    <message>
        <source>Switch the server back to the selected release, without rebuilding</source>
        <translation>将服务器切换回所选发布，无需重新构建</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>服务器(&amp;V):</translation>
    </message>
    <message>
        <source>Refre&amp;sh</source>
        <translation>刷新(&amp;S)</translation>
    </message>
    <message>
        <source>Read the releases and the service&apos;s state from the server</source>
        <translation>从服务器读取发布记录和服务状态</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>%1 could not be read.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>HTTP %1 in %2 ms</source>
        <translation>HTTP %1，耗时 %2 毫秒</translation>
    </message>
    <message>
        <source>no answer (%1)</source>
        <translation>无响应（%1）</translation>
    </message>
    <message>
        <source>%1: %2 is not deployed here yet.</source>
        <translation>%1：%2 尚未部署到这里。</translation>
    </message>
    <message>
        <source>%1: %2 (%3), release %4, version %5, %6 restarts; health check: %7</source>
        <translation>%1：%2（%3），发布 %4，版本 %5，重启 %6 次；健康检查：%7</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Roll %1 back to release %2, version %3?</source>
        <translation>将 %1 回滚到发布 %2（版本 %3）吗？</translation>
    </message>
    <message>
        <source>The service restarts on version %1 and must pass its health check. Release %2 (version %3) is marked bad and never picked again.</source>
        <translation>服务将以版本 %1 重启，并且必须通过健康检查。发布 %2（版本 %3）会被标记为有问题，以后不再使用。</translation>
    </message>
    <message>
        <source>The service restarts on version %1 and must pass its health check.</source>
        <translation>服务将以版本 %1 重启，并且必须通过健康检查。</translation>
    </message>
    <message>
        <source>&amp;Roll Back to %1</source>
        <translation>回滚到 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Rolling %1 back to version %2…</source>
        <translation>正在将 %1 回滚到版本 %2…</translation>
    </message>
    <message>
        <source>%1: release %2 (version %3) serves again and is healthy.</source>
        <translation>%1：发布 %2（版本 %3）已重新提供服务，运行正常。</translation>
    </message>
</context>
<context>
    <name>Gantry::ServerComparePanel</name>
    <message>
        <source>The server whose env file to compare; add servers on the Servers page</source>
        <translation>要比较其环境变量文件的服务器；可在“服务器”页面添加服务器</translation>
    </message>
    <message>
        <source>Se&amp;rver:</source>
        <translation>服务器(&amp;R):</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>比较(&amp;O)</translation>
    </message>
    <message>
        <source>Read the env file deployed on the server and compare it with this profile&apos;s variables</source>
        <translation>读取服务器上已部署的环境变量文件，并与此部署配置的变量比较</translation>
    </message>
    <message>
        <source>Add a server on the Servers page to compare this profile with it.</source>
        <translation>请先在“服务器”页面添加服务器，才能将此部署配置与之比较。</translation>
    </message>
    <message>
        <source>Press Compare to see what deploying %1 would change in the env file on %2.</source>
        <translation>点击“比较”，查看部署 %1 会对 %2 上的环境变量文件做出哪些改动。</translation>
    </message>
    <message>
        <source>Reading the profile&apos;s secrets from the keychain…</source>
        <translation>正在从钥匙串读取部署配置的机密…</translation>
    </message>
    <message>
        <source>Reading %1 on %2…</source>
        <translation>正在读取 %2 上的 %1…</translation>
    </message>
</context>
<context>
    <name>Gantry::ServerDialog</name>
    <message>
        <source>Add Server</source>
        <translation>添加服务器</translation>
    </message>
    <message>
        <source>Edit Server %1</source>
        <translation>编辑服务器 %1</translation>
    </message>
    <message>
        <source>e.g. web1</source>
        <translation>例如 web1</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>主机名或 IP 地址</translation>
    </message>
    <message>
        <source>C&amp;onnect now and pin the server&apos;s host key</source>
        <translation>立即连接并固定服务器的主机密钥(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Add Server</source>
        <translation>添加服务器(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>Add&amp;ress:</source>
        <translation>地址(&amp;R):</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U):</translation>
    </message>
    <message>
        <source>Sign &amp;in with:</source>
        <translation>登录方式(&amp;I):</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH 代理</translation>
    </message>
    <message>
        <source>Private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Password (asked for, or kept in the keychain)</source>
        <translation>密码（每次询问，或保存在钥匙串中）</translation>
    </message>
    <message>
        <source>private key, e.g. ~/.ssh/id_ed25519</source>
        <translation>私钥，例如 ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>选择私钥文件</translation>
    </message>
    <message>
        <source>Choose a Private Key</source>
        <translation>选择私钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Connect &amp;through:</source>
        <translation>经由(&amp;T):</translation>
    </message>
    <message>
        <source>A server Gantry reaches first and connects onwards from (a bastion or jump host), like ProxyJump in ~/.ssh/config</source>
        <translation>Gantry 先连接到的服务器（堡垒机或跳板机），再从它连接到此服务器，相当于 ~/.ssh/config 中的 ProxyJump</translation>
    </message>
    <message>
        <source>Directly</source>
        <translation>直接连接</translation>
    </message>
</context>
<context>
    <name>Gantry::ServerListModel</name>
    <message>
        <source>No host key is pinned yet: test the connection once</source>
        <translation>尚未固定主机密钥：请先测试一次连接</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH 代理</translation>
    </message>
    <message>
        <source>password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>尚未探测</translation>
    </message>
    <message>
        <source>not pinned</source>
        <translation>未固定</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>主机密钥</translation>
    </message>
    <message>
        <source>%1 via %2</source>
        <translation>%1，经由 %2</translation>
    </message>
</context>
<context>
    <name>Gantry::ServersPage</name>
    <message>
        <source>&amp;Add Server…</source>
        <translation>添加服务器(&amp;A)…</translation>
    </message>
    <message>
        <source>Add a server to deploy to</source>
        <translation>添加一台要部署到的服务器</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Change the address, user or sign-in</source>
        <translation>修改地址、用户或登录方式</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Forget this server; what runs there is not touched</source>
        <translation>忘记此服务器；服务器上运行的内容不受影响</translation>
    </message>
    <message>
        <source>&amp;Import from SSH Config…</source>
        <translation>从 SSH 配置导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add hosts from ~/.ssh/config</source>
        <translation>从 ~/.ssh/config 添加主机</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Sign in, pin the host key on your word, and see what the server runs</source>
        <translation>登录服务器，经您确认后固定主机密钥，并查看服务器的运行环境</translation>
    </message>
    <message>
        <source>Connection Test</source>
        <translation>连接测试</translation>
    </message>
    <message>
        <source>Operating system:</source>
        <translation>操作系统:</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构:</translation>
    </message>
    <message>
        <source>Service manager:</source>
        <translation>服务管理器:</translation>
    </message>
    <message>
        <source>Administrator rights:</source>
        <translation>管理员权限:</translation>
    </message>
    <message>
        <source>Free disk under /opt:</source>
        <translation>/opt 下的可用空间:</translation>
    </message>
    <message>
        <source>Host key:</source>
        <translation>主机密钥:</translation>
    </message>
    <message>
        <source>No servers yet. Add one, or import them from your SSH config.</source>
        <translation>还没有服务器。请添加一台，或从 SSH 配置中导入。</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Remove Server</source>
        <translation>移除服务器</translation>
    </message>
    <message>
        <source>Remove %1 (%2) from Gantry?</source>
        <translation>要从 Gantry 中移除 %1（%2）吗？</translation>
    </message>
    <message>
        <source>Its pinned host key and remembered password are forgotten. What runs on the server is not touched.</source>
        <translation>其已固定的主机密钥和保存的密码将被删除。服务器上运行的内容不受影响。</translation>
    </message>
    <message>
        <source>Removed %1; what runs there was not touched.</source>
        <translation>已移除 %1；服务器上运行的内容未受影响。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Create an SSH config file, or add the server by hand.</source>
        <translation>请创建 SSH 配置文件，或手动添加服务器。</translation>
    </message>
    <message>
        <source>%1 names no hosts to import.</source>
        <translation>%1 中没有可导入的主机。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s). Test each connection once to pin its host key.</source>
        <translation>
            <numerusform>已导入 %n 台服务器。请对每台服务器测试一次连接，以固定其主机密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected to %1; its host key is pinned.</source>
        <translation>已连接到 %1；其主机密钥已固定。</translation>
    </message>
    <message>
        <source>%1 (Go does not build for it)</source>
        <translation>%1（Go 不支持为其构建）</translation>
    </message>
    <message>
        <source>systemd</source>
        <translation>systemd</translation>
    </message>
    <message>
        <source>no systemd: Gantry cannot install the service here</source>
        <translation>没有 systemd：Gantry 无法在此安装服务</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 free in %2</source>
        <translation>%2 中可用 %1</translation>
    </message>
    <message>
        <source>not tested yet</source>
        <translation>尚未测试</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>尚未固定</translation>
    </message>
</context>
<context>
    <name>Gantry::ServiceDetailDialog</name>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message numerus="yes">
        <source>Since the app started: %n sample(s). Stored in the workspace over the last day: %1 sample(s). %2</source>
        <translation>
            <numerusform>自应用启动以来：%n 个样本。工作区中保存的最近一天的样本：%1 个。%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Health check latency</source>
        <translation>健康检查延迟</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>毫秒</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>延迟(&amp;L)</translation>
    </message>
    <message>
        <source>CPU (one core = 100 %)</source>
        <translation>CPU（一个核心 = 100%）</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>&amp;CPU</source>
        <translation>CPU(&amp;C)</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>内存(&amp;M)</translation>
    </message>
    <message numerus="yes">
        <source>The workspace keeps samples for %n day(s), at most %1 per service.</source>
        <translation>
            <numerusform>工作区会保存 %n 天内的样本，每个服务最多 %1 个。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Since the app started</source>
        <translation>自应用启动以来</translation>
    </message>
</context>
<context>
    <name>Gantry::ServiceStatusModel</name>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时长</translation>
    </message>
    <message>
        <source>Restarts</source>
        <translation>重启次数</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>(server)</source>
        <translation>（服务器）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 could not be reached: %2</source>
        <translation>无法连接 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2 (%3), main process %4</source>
        <translation>%1：%2（%3），主进程 %4</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>发布 %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>%1 · %2 ms</source>
        <translation>%1 · %2 毫秒</translation>
    </message>
    <message>
        <source>active</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>activating</source>
        <translation>启动中</translation>
    </message>
    <message>
        <source>deactivating</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>The main process&apos;s own use: systemd on %1 does not account the service&apos;s CPU and memory (turn on DefaultCPUAccounting and DefaultMemoryAccounting for the whole service).</source>
        <translation>主进程自身的用量：%1 上的 systemd 没有统计该服务的 CPU 和内存（如需统计整个服务，请开启 DefaultCPUAccounting 和 DefaultMemoryAccounting）。</translation>
    </message>
</context>
<context>
    <name>Gantry::SettingsPage</name>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Projects, servers, profiles and the deployment history are kept here</source>
        <translation>项目、服务器、部署配置和部署历史都保存在这里</translation>
    </message>
    <message>
        <source>Choose the Workspace Folder</source>
        <translation>选择工作区文件夹</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹:</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Found automatically (PATH, GOROOT, usual install folders)</source>
        <translation>自动查找（PATH、GOROOT、常见安装文件夹）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Go program:</source>
        <translation>Go 程序(&amp;G):</translation>
    </message>
    <message>
        <source>Default targets:</source>
        <translation>默认目标平台:</translation>
    </message>
    <message>
        <source>New projects build for these platforms until you choose others for them.</source>
        <translation>新项目默认为这些平台构建，直到您为其另行选择。</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>The language changes the next time Gantry starts.</source>
        <translation>语言将在下次启动 Gantry 时更改。</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>Changing the folder takes effect the next time Gantry starts.</source>
        <translation>更改文件夹将在下次启动 Gantry 时生效。</translation>
    </message>
    <message>
        <source>Gantry uses this folder from its next start; until then it keeps using %1.</source>
        <translation>Gantry 将从下次启动起使用此文件夹；在此之前仍使用 %1。</translation>
    </message>
    <message>
        <source>Choose the Go Program</source>
        <translation>选择 Go 程序</translation>
    </message>
    <message>
        <source>Go (go go.exe);;All files (*)</source>
        <translation>Go (go go.exe);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>Go %1 at %2.</source>
        <translation>Go %1，位于 %2。</translation>
    </message>
    <message>
        <source>Tick at least one platform; until then the last choice is kept.</source>
        <translation>请至少勾选一个平台；在此之前保留上一次的选择。</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>更改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Default</source>
        <translation>默认(&amp;D)</translation>
    </message>
</context>
<context>
    <name>Gantry::SshImportDialog</name>
    <message>
        <source>Import Servers from SSH Config</source>
        <translation>从 SSH 配置导入服务器</translation>
    </message>
    <message>
        <source>A server named %1 already exists.</source>
        <translation>已存在名为 %1 的服务器。</translation>
    </message>
    <message>
        <source>Hosts in %1. Tick the ones to add; test each once afterwards to pin its host key.</source>
        <translation>%1 中的主机。请勾选要添加的主机；之后对每台测试一次连接，以固定其主机密钥。</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Gantry::TargetListModel</name>
    <message>
        <source>Build a static binary for %1</source>
        <translation>为 %1 构建静态二进制文件</translation>
    </message>
</context>
<context>
    <name>Gantry::TargetsView</name>
    <message>
        <source>Tick the platforms your servers run</source>
        <translation>勾选您的服务器所运行的平台</translation>
    </message>
</context>
<context>
    <name>Gantry::TimeSeriesChart</name>
    <message>
        <source>%1 %2</source>
        <comment>a value and its unit, as in 12 ms</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>No samples yet</source>
        <translation>暂无样本</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a series and its value</comment>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>Gantry::UnitFileDialog</name>
    <message>
        <source>Unit File %1</source>
        <translation>单元文件 %1</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S):</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Gantry::VariableTableModel</name>
    <message>
        <source>%1, for server %2</source>
        <translation>%1，仅用于服务器 %2</translation>
    </message>
    <message>
        <source>%1 (inherited)</source>
        <translation>%1（继承）</translation>
    </message>
    <message>
        <source>Kept in the system keychain</source>
        <translation>保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Secret: the value is in the system keychain, never in the workspace</source>
        <translation>机密：值保存在系统钥匙串中，从不保存在工作区里</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show or hide the value (read from the keychain)</source>
        <translation>显示或隐藏该值（从钥匙串读取）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>设置者</translation>
    </message>
</context>
<context>
    <name>Gantry::VariablesPanel</name>
    <message>
        <source>Values for one server override the profile&apos;s values on that server only</source>
        <translation>针对某台服务器的值只在该服务器上覆盖配置中的值</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>S&amp;ecret: keep the value in the system keychain</source>
        <translation>机密(&amp;E)：将值保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>Va&amp;lue:</source>
        <translation>值(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Save Variable</source>
        <translation>保存变量(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import .env…</source>
        <translation>导入 .env(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the variables of a .env file to this profile (values as plain text)</source>
        <translation>将 .env 文件中的变量添加到此配置（值以明文保存）</translation>
    </message>
    <message>
        <source>E&amp;xport .env…</source>
        <translation>导出 .env(&amp;X)…</translation>
    </message>
    <message>
        <source>Write the effective variables to a .env file</source>
        <translation>将生效的变量写入 .env 文件</translation>
    </message>
    <message>
        <source>Off: secrets are left out of the exported file</source>
        <translation>不勾选时，导出的文件中不包含机密</translation>
    </message>
    <message>
        <source>(all servers)</source>
        <translation>（所有服务器）</translation>
    </message>
    <message>
        <source>%1 only</source>
        <translation>仅 %1</translation>
    </message>
    <message>
        <source>(unchanged; type a new value to replace it)</source>
        <translation>（保持不变；输入新值以替换）</translation>
    </message>
    <message>
        <source>Set by %1: remove it there, or save a value here to override it.</source>
        <translation>由 %1 设置：请在那里删除，或在此处保存一个值以覆盖它。</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>%1 is unchanged.</source>
        <translation>%1 未更改。</translation>
    </message>
    <message>
        <source>Enter the value of the secret %1; it goes to the system keychain.</source>
        <translation>请输入机密 %1 的值；它将保存到系统钥匙串中。</translation>
    </message>
    <message>
        <source>The secret %1 was not saved: %2</source>
        <translation>机密 %1 未保存：%2</translation>
    </message>
    <message>
        <source>Saved %1 in the system keychain.</source>
        <translation>已将 %1 保存到系统钥匙串。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>Import .env File</source>
        <translation>导入 .env 文件</translation>
    </message>
    <message>
        <source>Environment files (*.env .env*);;All files (*)</source>
        <translation>环境变量文件 (*.env .env*);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Nothing was imported. %1</source>
        <translation>未导入任何内容。%1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n variable(s).</source>
        <translation>
            <numerusform>已导入 %n 个变量。</numerusform>
        </translation>
    </message>
    <message>
        <source>The secret %1 was not imported: %2</source>
        <translation>机密 %1 未导入：%2</translation>
    </message>
    <message>
        <source>Export .env File</source>
        <translation>导出 .env 文件</translation>
    </message>
    <message>
        <source>Nothing was exported. %1</source>
        <translation>未导出任何内容。%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n variable(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 个变量导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Talking to the system keychain…</source>
        <translation>正在与系统钥匙串通信…</translation>
    </message>
    <message>
        <source>Values f&amp;or:</source>
        <translation>值适用于(&amp;O):</translation>
    </message>
    <message>
        <source>Ne&amp;w</source>
        <translation>新建(&amp;W)</translation>
    </message>
    <message>
        <source>Include secre&amp;t values</source>
        <translation>包含机密值(&amp;T)</translation>
    </message>
</context>
<context>
    <name>GlobalOptions</name>
    <message>
        <source>--workspace needs a folder.</source>
        <translation>--workspace 需要一个文件夹。</translation>
    </message>
    <message>
        <source>Write it as --workspace DIR.</source>
        <translation>请写成 --workspace DIR。</translation>
    </message>
    <message>
        <source>The workspace folder; may stand before or after the command. Default: %1.</source>
        <translation>工作区文件夹；可以写在命令之前或之后。默认：%1。</translation>
    </message>
</context>
<context>
    <name>GoModFile</name>
    <message>
        <source>go.mod files allow only // comments, not /* */ comments.</source>
        <translation>go.mod 文件只允许使用 // 注释，不允许使用 /* */ 注释。</translation>
    </message>
    <message>
        <source>Rewrite the comment with // at the start of each line.</source>
        <translation>请改写该注释，在每一行开头使用 //。</translation>
    </message>
    <message>
        <source>A quoted string on this line is never closed.</source>
        <translation>此行中的带引号字符串缺少结束引号。</translation>
    </message>
    <message>
        <source>Add the closing quote on the same line.</source>
        <translation>请在同一行中补上结束引号。</translation>
    </message>
    <message>
        <source>The character U+%1, a space or control character, is not allowed here.</source>
        <translation>此处不允许出现字符 U+%1（空白字符或控制字符）。</translation>
    </message>
    <message>
        <source>Delete it; it often comes from text pasted from a web page or a word processor.</source>
        <translation>请删除该字符；它通常来自从网页或文字处理软件中粘贴的文本。</translation>
    </message>
    <message>
        <source>The &quot;%1 (&quot; block opened on line %2 is never closed.</source>
        <translation>第 %2 行开始的“%1 (”块没有闭合。</translation>
    </message>
    <message>
        <source>Add a line holding only &quot;)&quot; after the block&apos;s last entry.</source>
        <translation>请在该块的最后一项之后添加一行，该行只包含“)”。</translation>
    </message>
    <message>
        <source>Text follows the &quot;)&quot; that closes a block.</source>
        <translation>闭合块的“)”之后还有其他文本。</translation>
    </message>
    <message>
        <source>Move &quot;%1&quot; to a line of its own.</source>
        <translation>请将“%1”移到单独的一行。</translation>
    </message>
    <message>
        <source>The quoted text %1 is not a valid Go string.</source>
        <translation>带引号的文本 %1 不是有效的 Go 字符串。</translation>
    </message>
    <message>
        <source>Check its backslash escapes, or write the text without quotes.</source>
        <translation>请检查其中的反斜杠转义，或去掉引号直接书写该文本。</translation>
    </message>
    <message>
        <source>%1 contains a quote character.</source>
        <translation>%1 包含引号字符。</translation>
    </message>
    <message>
        <source>go.mod quotes only with double quotes around a whole value; remove the other quotes.</source>
        <translation>go.mod 只允许用双引号括住整个值；请删除其他引号。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid version.</source>
        <translation>“%1”不是有效的版本号。</translation>
    </message>
    <message>
        <source>Write a semantic version such as v1.2.3.</source>
        <translation>请使用语义化版本号，例如 v1.2.3。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid version for %2.</source>
        <translation>“%1”不是 %2 的有效版本号。</translation>
    </message>
    <message>
        <source>Write a semantic version such as v1.2.3, or run &quot;go get %1@%2&quot; to resolve it.</source>
        <translation>请使用语义化版本号（例如 v1.2.3），或运行“go get %1@%2”来解析该版本。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid module path.</source>
        <translation>“%1”不是有效的模块路径。</translation>
    </message>
    <message>
        <source>A major-version suffix is written /v2 or higher (.v1 or higher for gopkg.in); fix the path.</source>
        <translation>主版本后缀应写为 /v2 或更高（gopkg.in 为 .v1 或更高）；请修正该路径。</translation>
    </message>
    <message>
        <source>The version %1 does not match the major version of %2.</source>
        <translation>版本 %1 与 %2 的主版本不匹配。</translation>
    </message>
    <message>
        <source>Paths ending in /vN take vN.x.y versions; other paths take v0 or v1 versions.</source>
        <translation>以 /vN 结尾的路径应使用 vN.x.y 版本；其他路径应使用 v0 或 v1 版本。</translation>
    </message>
    <message>
        <source>This %1 line does not have the expected form.</source>
        <translation>此 %1 行的格式不正确。</translation>
    </message>
    <message>
        <source>Write it as: %1</source>
        <translation>请写成：%1</translation>
    </message>
    <message>
        <source>Unexpected &quot;%1&quot; at the end of this %2 line.</source>
        <translation>此 %2 行的末尾出现了意外的“%1”。</translation>
    </message>
    <message>
        <source>Remove it; put notes after // so they are read as a comment.</source>
        <translation>请删除它；备注应写在 // 之后，才会被视为注释。</translation>
    </message>
    <message>
        <source>The %1 directive appears a second time; the first is on line %2.</source>
        <translation>%1 指令重复出现；第一次出现在第 %2 行。</translation>
    </message>
    <message>
        <source>Keep one %1 line and delete the other.</source>
        <translation>请只保留一个 %1 行，删除另一个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid Go version.</source>
        <translation>“%1”不是有效的 Go 版本。</translation>
    </message>
    <message>
        <source>Write the version as Go prints it, such as: go 1.21 or go 1.22.1</source>
        <translation>请按 Go 显示的格式书写版本，例如：go 1.21 或 go 1.22.1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid toolchain name.</source>
        <translation>“%1”不是有效的工具链名称。</translation>
    </message>
    <message>
        <source>Write it as Go names its releases, such as: toolchain go1.22.4</source>
        <translation>请按 Go 发行版的命名方式书写，例如：toolchain go1.22.4</translation>
    </message>
    <message>
        <source>The replacement %1 has no version and is not a local directory.</source>
        <translation>替换目标 %1 没有版本号，也不是本地目录。</translation>
    </message>
    <message>
        <source>Add a version after it, or start a local directory with ./ or ../</source>
        <translation>请在其后添加版本号；如果是本地目录，请以 ./ 或 ../ 开头</translation>
    </message>
    <message>
        <source>The local directory %1 cannot have a version.</source>
        <translation>本地目录 %1 不能带有版本号。</translation>
    </message>
    <message>
        <source>Delete the version after the directory.</source>
        <translation>请删除目录后面的版本号。</translation>
    </message>
    <message>
        <source>This &quot;)&quot; does not close any block.</source>
        <translation>此“)”没有可闭合的块。</translation>
    </message>
    <message>
        <source>Delete it, or open the block above it with a line such as &quot;require (&quot;.</source>
        <translation>请删除它，或在其上方用类似“require (”的行开启一个块。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a go.mod directive.</source>
        <translation>“%1”不是 go.mod 指令。</translation>
    </message>
    <message>
        <source>Check the spelling; directives are module, go, toolchain, godebug, require, exclude, replace, retract and tool.</source>
        <translation>请检查拼写；可用的指令有 module、go、toolchain、godebug、require、exclude、replace、retract 和 tool。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot start a ( ) block.</source>
        <translation>“%1”不能开启 ( ) 块。</translation>
    </message>
    <message>
        <source>Check the spelling, or write one line per entry without parentheses.</source>
        <translation>请检查拼写，或不使用括号、每行写一项。</translation>
    </message>
    <message>
        <source>The file has no module directive.</source>
        <translation>该文件缺少 module 指令。</translation>
    </message>
    <message>
        <source>Add a first line such as: module example.com/name</source>
        <translation>请在第一行添加类似以下内容：module example.com/name</translation>
    </message>
    <message>
        <source>There is no go.mod file at %1.</source>
        <translation>在 %1 处找不到 go.mod 文件。</translation>
    </message>
    <message>
        <source>Choose the folder that holds the module&apos;s go.mod, or run &quot;go mod init&quot; there.</source>
        <translation>请选择包含该模块 go.mod 的文件夹，或在该文件夹中运行“go mod init”。</translation>
    </message>
    <message>
        <source>Gantry could not read %1.</source>
        <translation>Gantry 无法读取 %1。</translation>
    </message>
    <message>
        <source>Check that it is a file and that your account may read it.</source>
        <translation>请检查它是否为文件，以及您的账户是否有读取权限。</translation>
    </message>
</context>
<context>
    <name>GoProject</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Choose the folder that holds your project&apos;s go.mod.</source>
        <translation>请选择包含项目 go.mod 的文件夹。</translation>
    </message>
    <message>
        <source>%1 is not a Go module: it has no go.mod file.</source>
        <translation>%1 不是 Go 模块：其中没有 go.mod 文件。</translation>
    </message>
    <message>
        <source>Open the folder that holds go.mod, or create one with &quot;go mod init example.com/yourapp&quot; in that folder.</source>
        <translation>请打开包含 go.mod 的文件夹，或在该文件夹中运行“go mod init example.com/yourapp”创建一个。</translation>
    </message>
    <message>
        <source>The module %1 has no main package, so there is nothing to run on a server.</source>
        <translation>模块 %1 没有 main 包，因此没有可在服务器上运行的程序。</translation>
    </message>
    <message>
        <source>Add a package main with a func main (for example in main.go or cmd/server/main.go).</source>
        <translation>请添加一个包含 func main 的 package main（例如在 main.go 或 cmd/server/main.go 中）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a variable name Go can set; it must look like PKG.NAME.</source>
        <translation>“%1”不是 Go 可以设置的变量名；其格式必须为 PKG.NAME。</translation>
    </message>
    <message>
        <source>Use main.version for a variable in the main package, or the full import path of another package, e.g. %1/internal/buildinfo.Version.</source>
        <translation>main 包中的变量请使用 main.version；其他包中的变量请使用完整的导入路径，例如 %1/internal/buildinfo.Version。</translation>
    </message>
    <message>
        <source>The package %1 is not part of the module %2, so Gantry cannot check that %3 exists.</source>
        <translation>包 %1 不属于模块 %2，因此 Gantry 无法检查 %3 是否存在。</translation>
    </message>
    <message>
        <source>Put the version variable in a package of this module.</source>
        <translation>请将版本变量放在本模块的某个包中。</translation>
    </message>
    <message>
        <source>The version variable %1 does not exist, and Go would silently ignore it.</source>
        <translation>版本变量 %1 不存在，Go 会直接忽略它且不给出任何提示。</translation>
    </message>
    <message>
        <source>Add `var version string` to the package, or choose another variable.</source>
        <translation>请在该包中添加 `var version string`，或选择其他变量。</translation>
    </message>
    <message>
        <source>Choose one of the string variables there: %1.</source>
        <translation>请从该包的 string 变量中选择一个：%1。</translation>
    </message>
    <message>
        <source>The variable %1 is set by an expression, and Go can only stamp a variable that is empty or set to a constant string.</source>
        <translation>变量 %1 由表达式赋值，而 Go 只能向未赋初值或初值为字符串常量的变量写入版本号。</translation>
    </message>
    <message>
        <source>Declare it as `var %1 string` or `var %1 = &quot;dev&quot;`.</source>
        <translation>请将其声明为 `var %1 string` 或 `var %1 = &quot;dev&quot;`。</translation>
    </message>
    <message>
        <source>The dependency %1 needs cgo, but Gantry builds with CGO_ENABLED=0 for static binaries: the build may succeed and the service fail at run time.</source>
        <translation>依赖 %1 需要 cgo，但 Gantry 为生成静态二进制文件会使用 CGO_ENABLED=0 进行构建：构建可能成功，但服务可能在运行时出错。</translation>
    </message>
    <message>
        <source>Switch to the pure-Go %1.</source>
        <translation>请改用纯 Go 实现的 %1。</translation>
    </message>
    <message>
        <source>The package %1 of this project uses cgo (import &quot;C&quot;), which a CGO_ENABLED=0 build leaves out.</source>
        <translation>本项目的包 %1 使用了 cgo（import &quot;C&quot;），而使用 CGO_ENABLED=0 构建时会排除这部分代码。</translation>
    </message>
    <message>
        <source>Move the C code behind a build tag, or replace it with pure Go.</source>
        <translation>请用构建标签（build tag）隔离 C 代码，或改用纯 Go 实现。</translation>
    </message>
</context>
<context>
    <name>GoToolchain</name>
    <message>
        <source>Install Go %1 or newer from https://go.dev/dl/, then choose it in Settings or put it first on PATH.</source>
        <translation>请从 https://go.dev/dl/ 安装 Go %1 或更高版本，然后在“设置”中选择它，或将其放在 PATH 的最前面。</translation>
    </message>
    <message>
        <source>The Go program set in Gantry (%1) does not exist or cannot be run.</source>
        <translation>Gantry 中设置的 Go 程序（%1）不存在或无法运行。</translation>
    </message>
    <message>
        <source>Choose the go executable of an installed toolchain, or clear the setting to let Gantry look on PATH.</source>
        <translation>请选择已安装工具链中的 go 可执行文件，或清除该设置，让 Gantry 在 PATH 中查找。</translation>
    </message>
    <message>
        <source>Go is not installed, or Gantry cannot find it (looked on PATH, in GOROOT and in the usual install folders).</source>
        <translation>未安装 Go，或 Gantry 找不到它（已在 PATH、GOROOT 和常见安装文件夹中查找）。</translation>
    </message>
    <message>
        <source>Install Go from https://go.dev/dl/ (on Debian: apt install golang-go), or set its path in Settings.</source>
        <translation>请从 https://go.dev/dl/ 安装 Go（Debian 上可运行 apt install golang-go），或在“设置”中指定其路径。</translation>
    </message>
    <message>
        <source>The Go toolchain at %1 did not describe itself (go env -json gave no version).</source>
        <translation>位于 %1 的 Go 工具链未能报告自身信息（go env -json 未给出版本）。</translation>
    </message>
    <message>
        <source>Check that this is a working Go installation of version 1.16 or newer.</source>
        <translation>请确认这是一个可正常使用的 Go 1.16 或更高版本的安装。</translation>
    </message>
    <message>
        <source>The Go toolchain at %1 does not run.</source>
        <translation>位于 %1 的 Go 工具链无法运行。</translation>
    </message>
    <message>
        <source>Reinstall Go, or choose another toolchain in Settings.</source>
        <translation>请重新安装 Go，或在“设置”中选择其他工具链。</translation>
    </message>
    <message>
        <source>Go did not list the platforms it can build for.</source>
        <translation>Go 未列出其可构建的目标平台。</translation>
    </message>
    <message>
        <source>Check the Go installation (go tool dist list should print them).</source>
        <translation>请检查 Go 的安装（go tool dist list 应能列出这些平台）。</translation>
    </message>
    <message>
        <source>Go could not list the platforms it builds for.</source>
        <translation>Go 无法列出其可构建的目标平台。</translation>
    </message>
    <message>
        <source>Check the Go installation.</source>
        <translation>请检查 Go 的安装。</translation>
    </message>
    <message>
        <source>This project&apos;s go.mod asks for the Go toolchain %1 (line %2: &quot;toolchain %3&quot;), which the installed Go %4 cannot read.</source>
        <translation>本项目的 go.mod 要求使用 Go 工具链 %1（第 %2 行：“toolchain %3”），而已安装的 Go %4 无法识别。</translation>
    </message>
    <message>
        <source>This project&apos;s go.mod uses the &quot;%1&quot; directive, which the installed Go %2 cannot read.</source>
        <translation>本项目的 go.mod 使用了“%1”指令，而已安装的 Go %2 无法识别该指令。</translation>
    </message>
    <message>
        <source>This project&apos;s go.mod says &quot;go %1&quot; (line %2), a pre-release version that the installed Go %3 cannot read.</source>
        <translation>本项目的 go.mod 声明了“go %1”（第 %2 行），这是预发布版本，已安装的 Go %3 无法识别。</translation>
    </message>
    <message>
        <source>This project&apos;s go.mod says &quot;go %1&quot; (line %2), a three-part version that the installed Go %3 cannot read; it needs Go %1 or newer.</source>
        <translation>本项目的 go.mod 声明了“go %1”（第 %2 行），这是三段式版本号，已安装的 Go %3 无法识别；需要 Go %1 或更高版本。</translation>
    </message>
    <message>
        <source>This project needs Go %1 (go.mod line %2: &quot;go %1&quot;), but the installed Go is %3.</source>
        <translation>本项目需要 Go %1（go.mod 第 %2 行：“go %1”），但已安装的 Go 版本为 %3。</translation>
    </message>
</context>
<context>
    <name>HostDeployer</name>
    <message>
        <source>The deploy was cancelled before the service was switched.</source>
        <translation>部署在切换服务之前已被取消。</translation>
    </message>
    <message>
        <source>Nothing changed on %1; deploy again when ready.</source>
        <translation>%1 上没有任何改动；准备好后请重新部署。</translation>
    </message>
    <message>
        <source>The previous release (%1) serves again. Read the service&apos;s last log lines below, fix the cause and deploy again.</source>
        <translation>之前的发布（%1）已重新提供服务。请阅读下面服务最后的日志行，排除原因后重新部署。</translation>
    </message>
    <message>
        <source>Rolling back failed too: %1 Check the server now.</source>
        <translation>回滚也失败了：%1 请立即检查服务器。</translation>
    </message>
    <message>
        <source>%1 does not run systemd.</source>
        <translation>%1 没有运行 systemd。</translation>
    </message>
    <message>
        <source>Gantry runs Linux services as systemd units; pick a server with systemd (Debian, Ubuntu, RHEL and most others).</source>
        <translation>Gantry 以 systemd 单元运行 Linux 服务；请选择带有 systemd 的服务器（Debian、Ubuntu、RHEL 以及大多数其他发行版）。</translation>
    </message>
    <message>
        <source>%1 is a linux/%2 server, and this version was not built for it.</source>
        <translation>%1 是 linux/%2 服务器，而此版本并未为其构建。</translation>
    </message>
    <message>
        <source>Tick linux/%1 on the Build page (or gantryctl build --target linux/%1) and deploy again.</source>
        <translation>请在“构建”页面勾选 linux/%1（或使用 gantryctl build --target linux/%1），然后重新部署。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is already taken by %3.</source>
        <translation>%2 上的端口 %1 已被 %3 占用。</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>另一个程序</translation>
    </message>
    <message>
        <source>Stop that program, or set another service port in the profile.</source>
        <translation>请停止该程序，或在部署配置中设置其他服务端口。</translation>
    </message>
    <message>
        <source>%1 has %2 free under %3, and this release needs %4.</source>
        <translation>%1 的 %3 下可用 %2，而此发布需要 %4。</translation>
    </message>
    <message>
        <source>Free space on the server, or keep fewer releases in the profile, then deploy again. The running service was not changed.</source>
        <translation>请释放服务器上的空间，或在部署配置中保留更少的发布，然后重新部署。正在运行的服务未被改动。</translation>
    </message>
    <message>
        <source>%1, linux/%2, %3 free</source>
        <translation>%1，linux/%2，可用 %3</translation>
    </message>
    <message>
        <source>already on the server (0 bytes sent)</source>
        <translation>服务器上已有（发送 0 字节）</translation>
    </message>
    <message>
        <source>%1 sent, sha256 verified</source>
        <translation>已发送 %1，sha256 校验通过</translation>
    </message>
    <message>
        <source>release %1</source>
        <translation>发布 %1</translation>
    </message>
    <message numerus="yes">
        <source>; removed %n unfinished release(s) of an interrupted deploy</source>
        <translation>
            <numerusform>；已删除被中断部署遗留的 %n 个未完成发布</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n variable(s), mode 0600, owner %1</source>
        <translation>
            <numerusform>%n 个变量，权限 0600，所有者 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>first server</source>
        <translation>第一台服务器</translation>
    </message>
    <message>
        <source>The first server did not pass its health check, so %1 was not switched.</source>
        <translation>第一台服务器没有通过健康检查，因此 %1 没有切换。</translation>
    </message>
    <message>
        <source>%1 still runs its previous release. Fix the first server&apos;s problem and deploy again.</source>
        <translation>%1 仍在运行之前的发布。请排除第一台服务器的问题后重新部署。</translation>
    </message>
    <message>
        <source>current -&gt; release %1</source>
        <translation>current -&gt; 发布 %1</translation>
    </message>
    <message>
        <source>attempt %1: %2</source>
        <translation>第 %1 次尝试：%2</translation>
    </message>
    <message>
        <source>HTTP %1 from %2 in %3 ms</source>
        <translation>%2 返回 HTTP %1，耗时 %3 毫秒</translation>
    </message>
    <message>
        <source>%1 did not become healthy on %2 within %3 s: %4</source>
        <translation>%1 在 %2 上未能在 %3 秒内通过健康检查：%4</translation>
    </message>
    <message>
        <source>There is no earlier release on %1 to roll back to; the service was stopped.</source>
        <translation>%1 上没有可回滚到的更早发布；服务已停止。</translation>
    </message>
    <message>
        <source>release %1 serves again; release %2 is marked bad</source>
        <translation>发布 %1 已重新提供服务；发布 %2 已被标记为有问题</translation>
    </message>
    <message>
        <source>release %1, version %2</source>
        <translation>发布 %1，版本 %2</translation>
    </message>
    <message numerus="yes">
        <source>keeping %n release(s)</source>
        <translation>
            <numerusform>保留 %n 个发布</numerusform>
        </translation>
    </message>
    <message>
        <source>the lock stays; the next deploy from this machine takes it over</source>
        <translation>锁会保留；从本机发起的下一次部署会接管它</translation>
    </message>
    <message>
        <source>%1, deployed by Gantry</source>
        <translation>%1，由 Gantry 部署</translation>
    </message>
    <message>
        <source>systemd could not restart %1 on %2.</source>
        <translation>systemd 无法重启 %2 上的 %1。</translation>
    </message>
    <message>
        <source>Read the service&apos;s log below; the previous release is put back.</source>
        <translation>请阅读下面的服务日志；之前的发布会被恢复。</translation>
    </message>
</context>
<context>
    <name>HostKeyQuestion</name>
    <message>
        <source>New Server Key</source>
        <translation>新的服务器密钥</translation>
    </message>
    <message>
        <source>This is the first connection to %1 (%2). Its host key has the fingerprint:

%3</source>
        <translation>这是第一次连接到 %1（%2）。其主机密钥的指纹为：

%3</translation>
    </message>
    <message>
        <source>A host key proves you are talking to the same server as before; compare this fingerprint with the one your server administrator gives you.</source>
        <translation>主机密钥用于证明您连接的仍是之前的同一台服务器；请将此指纹与服务器管理员提供的指纹进行核对。</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
</context>
<context>
    <name>HostProbe</name>
    <message>
        <source>The server did not answer the host probe.</source>
        <translation>服务器没有回应主机探测。</translation>
    </message>
    <message>
        <source>Check that the login shell of the SSH user runs POSIX sh scripts.</source>
        <translation>请检查 SSH 用户的登录 shell 能否运行 POSIX sh 脚本。</translation>
    </message>
    <message>
        <source>The host probe&apos;s answer was cut short.</source>
        <translation>主机探测的回应被截断了。</translation>
    </message>
    <message>
        <source>Try again; check the connection.</source>
        <translation>请重试，并检查网络连接。</translation>
    </message>
    <message>
        <source>The server did not say which machine type it is.</source>
        <translation>服务器没有报告其机器类型。</translation>
    </message>
    <message>
        <source>Check that the uname command works for the SSH user.</source>
        <translation>请检查 SSH 用户能否正常运行 uname 命令。</translation>
    </message>
</context>
<context>
    <name>HostStatusQuery</name>
    <message>
        <source>The server&apos;s answer to the service status query was cut short.</source>
        <translation>服务器对服务状态查询的响应被截断。</translation>
    </message>
    <message>
        <source>Check the connection to the server and try again.</source>
        <translation>请检查与服务器的连接，然后重试。</translation>
    </message>
</context>
<context>
    <name>HttpResponseParser</name>
    <message>
        <source>The service answered the health check with something that is not HTTP.</source>
        <translation>服务对健康检查的回应不是 HTTP。</translation>
    </message>
    <message>
        <source>Check that the service port in the profile is the port the service listens on.</source>
        <translation>请检查部署配置中的服务端口是否就是服务实际监听的端口。</translation>
    </message>
</context>
<context>
    <name>JournalEntryParser</name>
    <message>
        <source>The server&apos;s journal no longer has the entry the log stopped at.</source>
        <translation>服务器的日志中已不再有日志停止时所在的条目。</translation>
    </message>
    <message>
        <source>Open the log again to continue from the newest entries.</source>
        <translation>请重新打开日志，从最新的条目继续。</translation>
    </message>
    <message>
        <source>journalctl on the server did not accept the start time of the log.</source>
        <translation>服务器上的 journalctl 不接受该日志起始时间。</translation>
    </message>
    <message>
        <source>Pick another start time.</source>
        <translation>请选择其他起始时间。</translation>
    </message>
    <message>
        <source>journalctl on the server is too old for an option Gantry uses.</source>
        <translation>服务器上的 journalctl 版本过旧，不支持 Gantry 使用的某个选项。</translation>
    </message>
    <message>
        <source>Update systemd on the server (236 or later reads every option).</source>
        <translation>请更新服务器上的 systemd（236 或更高版本支持所有选项）。</translation>
    </message>
    <message>
        <source>The server keeps no journal.</source>
        <translation>服务器没有保存日志。</translation>
    </message>
    <message>
        <source>Check that systemd-journald runs: systemctl status systemd-journald.</source>
        <translation>请检查 systemd-journald 是否正在运行：systemctl status systemd-journald。</translation>
    </message>
    <message>
        <source>The server&apos;s user may not read the services&apos; log.</source>
        <translation>服务器上的用户无权读取服务日志。</translation>
    </message>
    <message>
        <source>Add the user to the systemd-journal group (sudo usermod -aG systemd-journal USER) and connect again.</source>
        <translation>请将该用户加入 systemd-journal 组（sudo usermod -aG systemd-journal USER），然后重新连接。</translation>
    </message>
    <message>
        <source>journalctl on the server did not accept the service&apos;s name.</source>
        <translation>服务器上的 journalctl 不接受该服务名称。</translation>
    </message>
    <message>
        <source>Check the name of the service.</source>
        <translation>请检查服务名称。</translation>
    </message>
    <message>
        <source>journalctl is not installed on the server.</source>
        <translation>服务器上未安装 journalctl。</translation>
    </message>
    <message>
        <source>Gantry reads service logs from systemd&apos;s journal; the server needs systemd.</source>
        <translation>Gantry 从 systemd 日志中读取服务日志；服务器需要 systemd。</translation>
    </message>
    <message>
        <source>The log needs the name of one service unit.</source>
        <translation>日志需要指定一个服务单元的名称。</translation>
    </message>
    <message>
        <source>Pick a service to show the log of.</source>
        <translation>请选择要显示日志的服务。</translation>
    </message>
    <message>
        <source>Log priority %1 does not exist.</source>
        <translation>日志优先级 %1 不存在。</translation>
    </message>
    <message>
        <source>Pick a priority from 0 (emergency) to 7 (debug).</source>
        <translation>请选择 0（emergency）到 7（debug）之间的优先级。</translation>
    </message>
    <message>
        <source>A log cannot show %1 lines.</source>
        <translation>日志无法显示 %1 行。</translation>
    </message>
    <message>
        <source>Pick 0 or more lines.</source>
        <translation>请选择 0 行或更多。</translation>
    </message>
    <message>
        <source>The saved log position is damaged.</source>
        <translation>保存的日志位置已损坏。</translation>
    </message>
    <message>
        <source>Open the log again to start from the newest entries.</source>
        <translation>请重新打开日志，从最新的条目开始。</translation>
    </message>
    <message>
        <source>A line of the service&apos;s log is not a journal entry.</source>
        <translation>服务日志中的某一行不是日志条目。</translation>
    </message>
    <message>
        <source>Gantry skips it; if every line fails, check that journalctl on the server is systemd&apos;s own.</source>
        <translation>Gantry 会跳过该行；如果每一行都失败，请检查服务器上的 journalctl 是否为 systemd 自带的版本。</translation>
    </message>
    <message>
        <source>A line of the service&apos;s log has no position or time.</source>
        <translation>服务日志中的某一行没有位置或时间。</translation>
    </message>
</context>
<context>
    <name>JumpChain</name>
    <message>
        <source>Server %1 cannot connect through itself.</source>
        <translation>服务器 %1 不能经由它自己连接。</translation>
    </message>
    <message>
        <source>Choose another server to connect through, or connect to %1 directly.</source>
        <translation>请选择另一台服务器作为跳板，或直接连接 %1。</translation>
    </message>
    <message>
        <source>Server %1 connects through %2, but there is no server named %2.</source>
        <translation>服务器 %1 经由 %2 连接，但不存在名为 %2 的服务器。</translation>
    </message>
    <message>
        <source>Add the server %1 first, or choose another way to reach %2.</source>
        <translation>请先添加服务器 %1，或选择其他方式连接 %2。</translation>
    </message>
    <message>
        <source>The servers %1 connect through each other in a loop.</source>
        <translation>服务器 %1 相互经由对方连接，形成了循环。</translation>
    </message>
    <message>
        <source>Make one of them connect directly, or through a server outside the loop.</source>
        <translation>请让其中一台直接连接，或经由循环之外的服务器连接。</translation>
    </message>
    <message>
        <source>Server %1 is more than %2 jump servers away.</source>
        <translation>服务器 %1 需要经过超过 %2 台跳板服务器。</translation>
    </message>
    <message>
        <source>Connect through fewer jump servers.</source>
        <translation>请减少经由的跳板服务器数量。</translation>
    </message>
    <message numerus="yes">
        <source>Server %1 cannot be removed: %2 connect(s) through it.</source>
        <translation>
            <numerusform>无法移除服务器 %1：%2 经由它连接。</numerusform>
        </translation>
    </message>
    <message>
        <source>First let %1 connect another way (edit it, or remove it), then remove %2.</source>
        <translation>请先让 %1 改用其他方式连接（编辑或移除它），再移除 %2。</translation>
    </message>
</context>
<context>
    <name>KeychainCommand</name>
    <message>
        <source>Usage: gantryctl keychain check</source>
        <translation>用法：gantryctl keychain check</translation>
    </message>
    <message>
        <source>The keychain is available: Gantry keeps secrets there and nowhere else.</source>
        <translation>钥匙串可用：Gantry 只将机密保存在其中。</translation>
    </message>
</context>
<context>
    <name>LdflagsTemplate</name>
    <message>
        <source>The ldflags template has a placeholder Gantry does not understand: %1.</source>
        <translation>ldflags 模板中有 Gantry 无法识别的占位符：%1。</translation>
    </message>
    <message>
        <source>Write placeholders as {{.Name}}, with Name one of %1.</source>
        <translation>占位符请写成 {{.Name}}，其中 Name 为以下之一：%1。</translation>
    </message>
    <message>
        <source>The ldflags template uses {{.%1}}, which is not a known field.</source>
        <translation>ldflags 模板使用了 {{.%1}}，这不是已知的字段。</translation>
    </message>
    <message>
        <source>Use one of %1.</source>
        <translation>请使用以下之一：%1。</translation>
    </message>
</context>
<context>
    <name>LogLevelClassifier</name>
    <message>
        <source>Trace</source>
        <translation>跟踪</translation>
    </message>
    <message>
        <source>Debug</source>
        <translation>调试</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>MessageBoxes</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <source>The workspace file %1 is damaged or is not a database.</source>
        <translation>工作区文件 %1 已损坏，或不是数据库。</translation>
    </message>
    <message>
        <source>Gantry did not change it. Restore it from a backup, or move it away and Gantry starts a new workspace there.</source>
        <translation>Gantry 未修改它。请从备份中恢复，或将其移走，Gantry 会在该位置新建工作区。</translation>
    </message>
    <message>
        <source>%1 is a database of another program, not a Gantry workspace.</source>
        <translation>%1 是其他程序的数据库，不是 Gantry 工作区。</translation>
    </message>
    <message>
        <source>Gantry did not change it. Choose another folder for the workspace.</source>
        <translation>Gantry 未修改它。请为工作区选择其他文件夹。</translation>
    </message>
    <message>
        <source>The workspace %1 was made by a newer Gantry (schema version %2; this Gantry knows versions up to %3).</source>
        <translation>工作区 %1 由更新版本的 Gantry 创建（架构版本 %2；此 Gantry 最高支持版本 %3）。</translation>
    </message>
    <message>
        <source>Update Gantry to open it. Gantry did not change the file.</source>
        <translation>请更新 Gantry 后再打开它。Gantry 未修改该文件。</translation>
    </message>
    <message>
        <source>The file has no SQLite header.</source>
        <translation>该文件没有 SQLite 文件头。</translation>
    </message>
    <message>
        <source>The file is %1 bytes long; its header says %2 pages of %3 bytes.</source>
        <translation>该文件长 %1 字节；其文件头声明有 %2 个 %3 字节的页。</translation>
    </message>
    <message>
        <source>Gantry could not upgrade the workspace to schema version %1 (%2).</source>
        <translation>Gantry 无法将工作区升级到架构版本 %1（%2）。</translation>
    </message>
    <message>
        <source>The workspace was left as it was. Check that the disk is not full and the folder is writable, then open it again.</source>
        <translation>工作区保持原样。请检查磁盘是否已满、文件夹是否可写，然后重新打开。</translation>
    </message>
    <message>
        <source>Cannot read the workspace file %1.</source>
        <translation>无法读取工作区文件 %1。</translation>
    </message>
    <message>
        <source>Check the file&apos;s permissions.</source>
        <translation>请检查该文件的权限。</translation>
    </message>
    <message>
        <source>Cannot read the schema version of the workspace %1.</source>
        <translation>无法读取工作区 %1 的架构版本。</translation>
    </message>
    <message>
        <source>Check that the file is readable.</source>
        <translation>请检查该文件是否可读。</translation>
    </message>
</context>
<context>
    <name>MonitorCommand</name>
    <message>
        <source>HTTP %1 %2 ms</source>
        <translation>HTTP %1 %2 毫秒</translation>
    </message>
    <message>
        <source>SERVER	UNIT	STATE	VERSION	UPTIME	RESTARTS	CPU	MEMORY	HEALTH</source>
        <translation>服务器	单元	状态	版本	运行时长	重启次数	CPU	内存	健康</translation>
    </message>
    <message>
        <source>%1	unreachable: %2 (retry in %3 s)</source>
        <translation>%1	无法连接：%2（%3 秒后重试）</translation>
    </message>
    <message>
        <source>%1	warning: the journal takes %2 (its disk is %3% full)</source>
        <translation>%1	警告：日志占用 %2（所在磁盘已用 %3%）</translation>
    </message>
    <message>
        <source>recovered: %1</source>
        <translation>已恢复：%1</translation>
    </message>
    <message>
        <source>ALERT: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a log level; use trace, debug, info, warn, error, fatal or all.</source>
        <translation>“%1”不是日志级别；请使用 trace、debug、info、warn、error、fatal 或 all。</translation>
    </message>
    <message>
        <source>--grep: %1</source>
        <translation>--grep：%1</translation>
    </message>
    <message>
        <source>Refresh until Ctrl+C: one JSON line per refresh with --json, else a table.</source>
        <translation>持续刷新直到按下 Ctrl+C：使用 --json 时每次刷新输出一行 JSON，否则输出表格。</translation>
    </message>
    <message>
        <source>Seconds between refreshes (default 5).</source>
        <translation>刷新间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>With --watch, stop after N refreshes of each server.</source>
        <translation>与 --watch 一起使用时，每台服务器刷新 N 次后停止。</translation>
    </message>
    <message>
        <source>--interval needs a number of seconds, at least 0.2.</source>
        <translation>--interval 需要一个秒数，至少为 0.2。</translation>
    </message>
    <message>
        <source>The journal of the project&apos;s service on servers, with levels read from each line.</source>
        <translation>服务器上项目服务的日志，并从每一行中读取级别。</translation>
    </message>
    <message>
        <source>Keep printing new lines until Ctrl+C.</source>
        <translation>持续输出新行，直到按下 Ctrl+C。</translation>
    </message>
    <message>
        <source>Only this level and worse: trace, debug, info, warn, error, fatal (default all).</source>
        <translation>仅显示此级别及更严重的级别：trace、debug、info、warn、error、fatal（默认 all）。</translation>
    </message>
    <message>
        <source>From this time: 30s, 10m, 2h, 1d ago, or 2024-06-01T10:00:00.</source>
        <translation>从此时间开始：30s、10m、2h、1d 之前，或 2024-06-01T10:00:00。</translation>
    </message>
    <message>
        <source>Only lines whose message matches this regular expression.</source>
        <translation>仅显示消息匹配此正则表达式的行。</translation>
    </message>
    <message>
        <source>The last N lines before following (default 100 without --since).</source>
        <translation>开始跟踪前显示的最后 N 行（未指定 --since 时默认 100）。</translation>
    </message>
    <message>
        <source>--since: &quot;%1&quot; is not a time.</source>
        <translation>--since：“%1”不是有效的时间。</translation>
    </message>
    <message>
        <source>Alerts and recoveries the monitor raised, newest first.</source>
        <translation>监控产生的告警和恢复事件，最新的在前。</translation>
    </message>
    <message>
        <source>Print the events as JSON on stdout.</source>
        <translation>以 JSON 格式将事件输出到标准输出。</translation>
    </message>
    <message>
        <source>At most N events (default 50).</source>
        <translation>最多 N 个事件（默认 50）。</translation>
    </message>
    <message>
        <source>POST every new alert as JSON to this URL (kept in the workspace).</source>
        <translation>将每条新告警以 JSON 格式 POST 到此 URL（保存在工作区中）。</translation>
    </message>
    <message>
        <source>Stop posting alerts to the webhook.</source>
        <translation>停止向 Webhook 发送告警。</translation>
    </message>
    <message>
        <source>--webhook needs an http:// or https:// URL.</source>
        <translation>--webhook 需要一个 http:// 或 https:// URL。</translation>
    </message>
</context>
<context>
    <name>OutputFolder</name>
    <message>
        <source>The output folder %1 is a file.</source>
        <translation>输出文件夹 %1 实际上是一个文件。</translation>
    </message>
    <message>
        <source>Choose another output folder.</source>
        <translation>请选择其他输出文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the output folder %1.</source>
        <translation>无法创建输出文件夹 %1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, or fix the permissions of %1.</source>
        <translation>请选择您有写入权限的文件夹，或修正 %1 的权限。</translation>
    </message>
    <message>
        <source>Cannot write to the output folder %1.</source>
        <translation>无法写入输出文件夹 %1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to (--out), or fix its permissions.</source>
        <translation>请选择您有写入权限的文件夹（--out），或修正其权限。</translation>
    </message>
    <message>
        <source>The disk holding %1 is nearly full: %2 MB free, and this build needs about %3 MB.</source>
        <translation>%1 所在的磁盘空间即将用尽：可用空间为 %2 MB，而本次构建大约需要 %3 MB。</translation>
    </message>
    <message>
        <source>Free some space, or choose an output folder on another disk.</source>
        <translation>请释放一些磁盘空间，或选择其他磁盘上的输出文件夹。</translation>
    </message>
    <message>
        <source>Could not move %1 into the output folder %2.</source>
        <translation>无法将 %1 移动到输出文件夹 %2。</translation>
    </message>
    <message>
        <source>Check that no other program holds the file open, then build again.</source>
        <translation>请确认没有其他程序打开了该文件，然后重新构建。</translation>
    </message>
</context>
<context>
    <name>Privilege</name>
    <message>
        <source>%1 gave an unexpected answer when asked for its user and sudo rights.</source>
        <translation>查询用户和 sudo 权限时，%1 给出了意外的回应。</translation>
    </message>
    <message>
        <source>Check that the login shell of %1 is a POSIX shell (sh, bash).</source>
        <translation>请检查 %1 的登录 shell 是否为 POSIX shell（sh、bash）。</translation>
    </message>
    <message>
        <source>sudo password</source>
        <translation>sudo 密码</translation>
    </message>
    <message>
        <source>%1 needs the sudo password of %2, and none was given.</source>
        <translation>%1 需要 %2 的 sudo 密码，但未提供。</translation>
    </message>
    <message>
        <source>Enter the password when asked (gantryctl: --password-stdin or --remember-password), or allow %1 sudo without a password on the server.</source>
        <translation>请在询问时输入密码（gantryctl：--password-stdin 或 --remember-password），或在服务器上允许 %1 无需密码使用 sudo。</translation>
    </message>
    <message>
        <source>%1 refused the sudo password of %2.</source>
        <translation>%1 拒绝了 %2 的 sudo 密码。</translation>
    </message>
    <message>
        <source>Check the password (a remembered one can be replaced in Servers, or with gantryctl server add … --remember-password), then try again.</source>
        <translation>请检查密码（已保存的密码可在“服务器”页面替换，或使用 gantryctl server add … --remember-password），然后重试。</translation>
    </message>
    <message>
        <source>%1 may not use sudo on %2.</source>
        <translation>%1 在 %2 上不能使用 sudo。</translation>
    </message>
    <message>
        <source>Add %1 to the sudo group on the server, or log in as root.</source>
        <translation>请在服务器上将 %1 加入 sudo 组，或以 root 登录。</translation>
    </message>
    <message>
        <source>%1 no longer accepts the sudo password of %2.</source>
        <translation>%1 不再接受 %2 的 sudo 密码。</translation>
    </message>
    <message>
        <source>Check the password, then try again.</source>
        <translation>请检查密码，然后重试。</translation>
    </message>
    <message>
        <source>%1 is not root on %2 and has no sudo there.</source>
        <translation>%1 在 %2 上不是 root，也没有 sudo。</translation>
    </message>
    <message>
        <source>Install sudo and add %1 to the sudo group on the server, or log in as root.</source>
        <translation>请在服务器上安装 sudo 并将 %1 加入 sudo 组，或以 root 登录。</translation>
    </message>
</context>
<context>
    <name>ProfileCommand</name>
    <message>
        <source>Print JSON on stdout.</source>
        <translation>在标准输出上打印 JSON。</translation>
    </message>
    <message>
        <source>Work on this server&apos;s overrides of the profile.</source>
        <translation>操作此服务器对该部署配置的覆盖设置。</translation>
    </message>
    <message>
        <source>Set this variable as a secret; its value is read from stdin (prompted for, unechoed, on a terminal) and kept in the OS keychain only.</source>
        <translation>将此变量设为机密；其值从标准输入读取（在终端上以不回显的方式询问），并且只保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>This variable of the file is a secret: its value goes to the OS keychain (repeatable).</source>
        <translation>文件中的此变量是机密：其值保存到系统钥匙串（可重复）。</translation>
    </message>
    <message>
        <source>Set a deploy setting, e.g. servicePort=9000 or health_path=/up (repeatable).</source>
        <translation>设置一项部署设置，例如 servicePort=9000 或 health_path=/up（可重复）。</translation>
    </message>
    <message>
        <source>Drop the profile&apos;s own value of a deploy setting, so it is inherited again (repeatable).</source>
        <translation>删除该部署配置自己设置的部署设置值，使其重新继承（可重复）。</translation>
    </message>
    <message>
        <source>Include secrets, read from the keychain. Default: left out.</source>
        <translation>包含从钥匙串读取的机密。默认：不包含。</translation>
    </message>
    <message>
        <source>Export what a deploy uses: inherited variables and the --server overrides applied.</source>
        <translation>导出部署实际使用的内容：包含继承的变量，并应用 --server 的覆盖设置。</translation>
    </message>
    <message>
        <source>Make the variables exactly those of the file. Default: add and update.</source>
        <translation>使变量与文件中的完全一致。默认：添加和更新。</translation>
    </message>
    <message>
        <source>The profile the new one extends. Default: none.</source>
        <translation>新部署配置所继承的部署配置。默认：无。</translation>
    </message>
    <message>
        <source>Extend no profile.</source>
        <translation>不继承任何部署配置。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name; use letters, digits and &quot;_&quot;, not starting with a digit (like API_TOKEN). Nothing was written.</source>
        <translation>“%1”不是有效的变量名；请使用字母、数字和“_”，且不能以数字开头（例如 API_TOKEN）。未写入任何内容。</translation>
    </message>
    <message>
        <source>Value of %1 (not shown): </source>
        <translation>%1 的值（不显示）：</translation>
    </message>
    <message>
        <source>The value of the secret %1 is empty.</source>
        <translation>机密 %1 的值为空。</translation>
    </message>
    <message>
        <source>Pipe the value in, e.g. printf &apos;%s&apos; &quot;$VALUE&quot; | gantryctl profile set PROJECT PROFILE --secret %1; nothing was written.</source>
        <translation>请通过管道传入值，例如 printf &apos;%s&apos; &quot;$VALUE&quot; | gantryctl profile set PROJECT PROFILE --secret %1；未写入任何内容。</translation>
    </message>
    <message>
        <source>The value of the secret %1 is not UTF-8 text.</source>
        <translation>机密 %1 的值不是 UTF-8 文本。</translation>
    </message>
    <message>
        <source>Give the value as UTF-8 text; nothing was written.</source>
        <translation>请以 UTF-8 文本提供该值；未写入任何内容。</translation>
    </message>
    <message>
        <source>profile %1 of %2, server %3</source>
        <translation>%2 的部署配置 %1，服务器 %3</translation>
    </message>
    <message>
        <source>profile %1 of %2</source>
        <translation>%2 的部署配置 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NAME=VALUE.</source>
        <translation>“%1”不是 NAME=VALUE 格式。</translation>
    </message>
    <message>
        <source>%1 is given twice; give it once.</source>
        <translation>%1 给出了两次；请只给出一次。</translation>
    </message>
    <message>
        <source>give one --secret NAME: its value is read from stdin.</source>
        <translation>请只给出一个 --secret NAME：其值从标准输入读取。</translation>
    </message>
    <message>
        <source>give NAME=VALUE, --secret NAME or --setting KEY=VALUE.</source>
        <translation>请给出 NAME=VALUE、--secret NAME 或 --setting KEY=VALUE。</translation>
    </message>
    <message>
        <source>deploy settings belong to the profile; --setting does not go with --server.</source>
        <translation>部署设置属于部署配置本身；--setting 不能与 --server 一起使用。</translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>未写入任何内容。</translation>
    </message>
    <message>
        <source>Set %1 in %2.</source>
        <translation>已在 %2 中设置 %1。</translation>
    </message>
    <message>
        <source>Set %1 in %2; the secret %3 is in the OS keychain, the workspace keeps only a reference to it.</source>
        <translation>已在 %2 中设置 %1；机密 %3 保存在系统钥匙串中，工作区只保留对它的引用。</translation>
    </message>
    <message>
        <source>give the NAMEs to unset, or --setting KEY.</source>
        <translation>请给出要取消设置的 NAME，或 --setting KEY。</translation>
    </message>
    <message>
        <source>Unset %1 in %2.</source>
        <translation>已在 %2 中取消设置 %1。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Check the file name and that you may read it.</source>
        <translation>请检查文件名以及您是否有读取权限。</translation>
    </message>
    <message>
        <source>--secret %1: the file does not set it. Nothing was written.</source>
        <translation>--secret %1：文件中没有设置它。未写入任何内容。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n variable(s) into %1.</source>
        <translation>
            <numerusform>已将 %n 个变量导入 %1。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) went to the OS keychain.</source>
        <translation>
            <numerusform>%n 个机密已保存到系统钥匙串。</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out the secret(s) %1; add --with-secrets to include them.</source>
        <translation>未包含机密 %1；添加 --with-secrets 以包含它们。</translation>
    </message>
    <message>
        <source>Added profile %1 to %2.</source>
        <translation>已将部署配置 %1 添加到 %2。</translation>
    </message>
    <message>
        <source>give the PARENT profile, or --none.</source>
        <translation>请给出 PARENT 部署配置，或 --none。</translation>
    </message>
    <message>
        <source>Profile %1 of %2 extends no profile now.</source>
        <translation>%2 的部署配置 %1 现在不继承任何部署配置。</translation>
    </message>
    <message>
        <source>Profile %1 of %2 extends %3 now.</source>
        <translation>%2 的部署配置 %1 现在继承 %3。</translation>
    </message>
    <message>
        <source>Removed profile %1 of %2.</source>
        <translation>已移除 %2 的部署配置 %1。</translation>
    </message>
    <message>
        <source>the profiles, what each extends, how many variables and secrets it sets</source>
        <translation>列出部署配置、各自继承的配置以及设置的变量和机密数量</translation>
    </message>
    <message>
        <source>the resolved profile (inheritance and server overrides applied): deploy settings and variables, secrets as ****</source>
        <translation>解析后的部署配置（已应用继承和服务器覆盖）：部署设置和变量，机密显示为 ****</translation>
    </message>
    <message>
        <source>set variables; --secret reads one secret&apos;s value from stdin into the OS keychain; --setting sets a deploy setting (servicePort, healthPath, ...)</source>
        <translation>设置变量；--secret 从标准输入读取一个机密的值并存入系统钥匙串；--setting 设置一项部署设置（servicePort、healthPath 等）</translation>
    </message>
    <message>
        <source>remove variables (a secret&apos;s keychain entry too) or the profile&apos;s own deploy settings</source>
        <translation>删除变量（连同机密在钥匙串中的条目）或部署配置自己的部署设置</translation>
    </message>
    <message>
        <source>set the variables of a .env file (- for stdin), all or nothing; a name set twice in the file is an error</source>
        <translation>设置 .env 文件中的变量（- 表示标准输入），要么全部成功要么全不写入；文件中同一名称设置两次视为错误</translation>
    </message>
    <message>
        <source>the profile&apos;s variables as a .env file on stdout; secrets left out unless --with-secrets</source>
        <translation>以 .env 文件格式在标准输出上输出部署配置的变量；除非给出 --with-secrets，否则不包含机密</translation>
    </message>
    <message>
        <source>add a profile</source>
        <translation>添加部署配置</translation>
    </message>
    <message>
        <source>make a profile extend another one, or none; a cycle is refused</source>
        <translation>让部署配置继承另一个部署配置或不继承；循环继承会被拒绝</translation>
    </message>
    <message>
        <source>remove a profile with its variables and secrets</source>
        <translation>移除部署配置及其变量和机密</translation>
    </message>
    <message>
        <source>the arguments are %1.</source>
        <translation>参数为 %1。</translation>
    </message>
    <message>
        <source>Usage: gantryctl profile &lt;action&gt; ...

%1

Run &quot;gantryctl profile &lt;action&gt; --help&quot; for the options of an action.</source>
        <translation>用法：gantryctl profile &lt;操作&gt; ...

%1

运行“gantryctl profile &lt;操作&gt; --help”查看某个操作的选项。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an action; use one of list, show, set, unset, import, export, add, extend, remove.</source>
        <translation>“%1”不是有效的操作；请使用 list、show、set、unset、import、export、add、extend、remove 之一。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Project %1 has no profile %2.</source>
        <translation>项目 %1 没有部署配置 %2。</translation>
    </message>
    <message>
        <source>Use base, dev, test or prod, or add the profile with gantryctl profile add.</source>
        <translation>请使用 base、dev、test 或 prod，或用 gantryctl profile add 添加该部署配置。</translation>
    </message>
    <message>
        <source>%1 is not set in profile %2 of %3.</source>
        <translation>%3 的部署配置 %2 中没有设置 %1。</translation>
    </message>
    <message>
        <source>%1 is not set for server %2 in profile %3 of %4.</source>
        <translation>%4 的部署配置 %3 中没有为服务器 %2 设置 %1。</translation>
    </message>
    <message>
        <source>Run gantryctl profile show to see what is set; nothing was changed.</source>
        <translation>运行 gantryctl profile show 查看已设置的内容；未做任何改动。</translation>
    </message>
    <message>
        <source>Another Gantry added the folder %1 as project %2 meanwhile.</source>
        <translation>与此同时，另一个 Gantry 已将文件夹 %1 添加为项目 %2。</translation>
    </message>
    <message>
        <source>Run the command again.</source>
        <translation>请再次运行该命令。</translation>
    </message>
    <message>
        <source>Profile %1 of %2 cannot be deleted: %3 extend it.</source>
        <translation>无法删除 %2 的部署配置 %1：%3 继承了它。</translation>
    </message>
    <message>
        <source>Make those profiles extend another profile first (gantryctl profile extend).</source>
        <translation>请先让这些部署配置继承其他部署配置（gantryctl profile extend）。</translation>
    </message>
</context>
<context>
    <name>ProfileResolver</name>
    <message>
        <source>Profile %1 of %2: %3</source>
        <translation>项目 %2 的配置 %1：%3</translation>
    </message>
    <message>
        <source>Project %1 has no profile &quot;%2&quot;.</source>
        <translation>项目 %1 没有配置“%2”。</translation>
    </message>
    <message>
        <source>Pick one of the project&apos;s profiles, or add this one.</source>
        <translation>请从项目的配置中选择一个，或添加此配置。</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot; extends &quot;%2&quot;, which project %3 does not have.</source>
        <translation>配置“%1”继承自“%2”，但项目 %3 中没有该配置。</translation>
    </message>
    <message>
        <source>Make it extend an existing profile of the project, or nothing.</source>
        <translation>请让它继承项目中已有的配置，或不继承任何配置。</translation>
    </message>
    <message>
        <source>Profiles of %1 extend each other in a cycle: %2.</source>
        <translation>%1 的配置之间存在循环继承：%2。</translation>
    </message>
    <message>
        <source>Make one of them extend another profile, or nothing.</source>
        <translation>请让其中一个继承其他配置，或不继承任何配置。</translation>
    </message>
    <message>
        <source>the variable name &quot;%1&quot; is not valid or is used twice.</source>
        <translation>变量名“%1”无效或被重复使用。</translation>
    </message>
    <message>
        <source>Use letters, digits and &quot;_&quot;, not starting with a digit, once per profile.</source>
        <translation>请使用字母、数字和“_”，不要以数字开头，且每个配置中只能使用一次。</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <source>PROFILE</source>
        <translation>部署配置</translation>
    </message>
    <message>
        <source>EXTENDS</source>
        <translation>继承自</translation>
    </message>
    <message>
        <source>VARIABLES</source>
        <translation>变量</translation>
    </message>
    <message>
        <source>SECRETS</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>SERVER OVERRIDES</source>
        <translation>服务器覆盖</translation>
    </message>
    <message>
        <source>Profiles of %1 (%2):</source>
        <translation>%1 的部署配置（%2）：</translation>
    </message>
    <message>
        <source>%1, secret</source>
        <translation>%1，机密</translation>
    </message>
    <message>
        <source>Profile %1 of %2 (%3)</source>
        <translation>%2 的部署配置 %1（%3）</translation>
    </message>
    <message>
        <source>Profile %1 of %2 (%3) on server %4</source>
        <translation>%2 的部署配置 %1（%3），服务器 %4</translation>
    </message>
    <message>
        <source>Deploy settings:</source>
        <translation>部署设置：</translation>
    </message>
    <message>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <source>Variables: none</source>
        <translation>变量：无</translation>
    </message>
    <message>
        <source>Variables (%1):</source>
        <translation>变量（%1）：</translation>
    </message>
</context>
<context>
    <name>ProjectLocator</name>
    <message>
        <source>The project is empty.</source>
        <translation>项目为空。</translation>
    </message>
    <message>
        <source>Give the project&apos;s folder or its name.</source>
        <translation>请给出项目的文件夹或名称。</translation>
    </message>
    <message>
        <source>%1 is not a folder.</source>
        <translation>%1 不是文件夹。</translation>
    </message>
    <message>
        <source>Give the project&apos;s folder (the one that holds go.mod) or the name of a project.</source>
        <translation>请给出项目的文件夹（包含 go.mod 的那个）或项目名称。</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>There is no project or folder named %1.</source>
        <translation>没有名为 %1 的项目或文件夹。</translation>
    </message>
    <message>
        <source>Give the project&apos;s folder: it is added to the workspace on first use.</source>
        <translation>请给出项目的文件夹：首次使用时会将其加入工作区。</translation>
    </message>
    <message>
        <source>Give the project&apos;s folder, or one of the projects of the workspace: %1.</source>
        <translation>请给出项目的文件夹，或工作区中的项目之一：%1。</translation>
    </message>
    <message>
        <source>Added project %1 (%2) to the workspace, with the profiles base, dev, test and prod.</source>
        <translation>已将项目 %1（%2）添加到工作区，并带有部署配置 base、dev、test 和 prod。</translation>
    </message>
</context>
<context>
    <name>RecordName</name>
    <message>
        <source>The name &quot;%1&quot; is not valid.</source>
        <translation>名称“%1”无效。</translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;.&quot;, &quot;-&quot; and &quot;_&quot;, starting with a letter or a digit.</source>
        <translation>请使用字母、数字、“.”、“-”和“_”，并以字母或数字开头。</translation>
    </message>
</context>
<context>
    <name>ReleaseLayout</name>
    <message>
        <source>deploy root</source>
        <translation>部署根目录</translation>
    </message>
</context>
<context>
    <name>ReleaseOutput</name>
    <message>
        <source>The deploy script ran as %1, not as root.</source>
        <translation>部署脚本以 %1 身份运行，而不是 root。</translation>
    </message>
    <message>
        <source>Sign in as root, or let the SSH user run sudo without a password.</source>
        <translation>请以 root 登录，或允许该 SSH 用户无需密码运行 sudo。</translation>
    </message>
    <message>
        <source>The service user name &quot;%1&quot; is not valid.</source>
        <translation>服务用户名“%1”无效。</translation>
    </message>
    <message>
        <source>Use lower-case letters, digits, &quot;-&quot; and &quot;_&quot;, starting with a letter.</source>
        <translation>请使用小写字母、数字、“-”和“_”，并以字母开头。</translation>
    </message>
    <message>
        <source>The service user %1 does not exist on the server.</source>
        <translation>服务器上不存在服务用户 %1。</translation>
    </message>
    <message>
        <source>Create the user on the server, or let Gantry create it.</source>
        <translation>请在服务器上创建该用户，或让 Gantry 创建它。</translation>
    </message>
    <message>
        <source>The server has no useradd command to create the service user %1.</source>
        <translation>服务器上没有 useradd 命令，无法创建服务用户 %1。</translation>
    </message>
    <message>
        <source>Create the user by hand, or install useradd (the passwd package; shadow on Alpine).</source>
        <translation>请手动创建该用户，或安装 useradd（passwd 软件包；Alpine 上为 shadow）。</translation>
    </message>
    <message>
        <source>Creating the service user on the server failed.</source>
        <translation>在服务器上创建服务用户失败。</translation>
    </message>
    <message>
        <source>Read the details; create the user by hand if needed.</source>
        <translation>请查看详情；必要时手动创建该用户。</translation>
    </message>
    <message>
        <source>The release number &quot;%1&quot; is not valid.</source>
        <translation>发布编号“%1”无效。</translation>
    </message>
    <message>
        <source>This is a bug in Gantry; please report it.</source>
        <translation>这是 Gantry 的缺陷，请报告。</translation>
    </message>
    <message>
        <source>The release counter on the server is damaged: &quot;%1&quot;.</source>
        <translation>服务器上的发布计数器已损坏：“%1”。</translation>
    </message>
    <message>
        <source>Write the highest release number into .gantry/counter under the deploy root, or delete the file.</source>
        <translation>请将最大的发布编号写入部署根目录下的 .gantry/counter，或删除该文件。</translation>
    </message>
    <message>
        <source>The uploaded archive %1 is missing on the server.</source>
        <translation>服务器上找不到已上传的归档 %1。</translation>
    </message>
    <message>
        <source>Upload it again, and check the free space where it goes.</source>
        <translation>请重新上传，并检查目标位置的可用空间。</translation>
    </message>
    <message>
        <source>Release %1 already exists on the server.</source>
        <translation>服务器上已存在发布 %1。</translation>
    </message>
    <message>
        <source>Prepare a new release: Gantry never unpacks over an existing one.</source>
        <translation>请准备新的发布：Gantry 从不在已有的发布上解压覆盖。</translation>
    </message>
    <message>
        <source>Unpacking the release on the server failed.</source>
        <translation>在服务器上解压发布失败。</translation>
    </message>
    <message>
        <source>Check the free space under the deploy root and that the archive is a .tar.gz.</source>
        <translation>请检查部署根目录下的可用空间，并确认归档是 .tar.gz 格式。</translation>
    </message>
    <message>
        <source>Release %1 is not on the server.</source>
        <translation>服务器上没有发布 %1。</translation>
    </message>
    <message>
        <source>Choose one of the releases the server lists.</source>
        <translation>请从服务器列出的发布中选择一个。</translation>
    </message>
    <message>
        <source>Release %1 was never completely unpacked, so it cannot go live.</source>
        <translation>发布 %1 从未完整解压，因此不能上线。</translation>
    </message>
    <message>
        <source>Deploy again; the next deploy removes the broken release.</source>
        <translation>请重新部署；下次部署会删除损坏的发布。</translation>
    </message>
    <message>
        <source>The server could not change the deploy folder: %1.</source>
        <translation>服务器无法修改部署文件夹：%1。</translation>
    </message>
    <message>
        <source>Check the free space and the permissions under the deploy root.</source>
        <translation>请检查部署根目录下的可用空间和权限。</translation>
    </message>
    <message>
        <source>The deploy script on the server failed (%1).</source>
        <translation>服务器上的部署脚本失败（%1）。</translation>
    </message>
    <message>
        <source>Read the details.</source>
        <translation>请查看详情。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to a deploy step was not understood.</source>
        <translation>无法理解服务器对某个部署步骤的回应。</translation>
    </message>
    <message>
        <source>Check the connection and that the SSH user&apos;s shell runs POSIX sh scripts, then try again.</source>
        <translation>请检查连接，并确认 SSH 用户的 shell 能运行 POSIX sh 脚本，然后重试。</translation>
    </message>
</context>
<context>
    <name>RemoteHost</name>
    <message>
        <source>The server %1 ran out of disk space during &quot;%2&quot;.</source>
        <translation>服务器 %1 在执行“%2”时磁盘空间不足。</translation>
    </message>
    <message>
        <source>Free space on the server (or keep fewer releases), then deploy again; the running service was not changed.</source>
        <translation>请释放服务器上的空间（或保留更少的发布），然后重新部署；正在运行的服务未被改动。</translation>
    </message>
    <message>
        <source>A command failed on %1 with exit status %2: %3</source>
        <translation>%1 上的命令失败，退出状态 %2：%3</translation>
    </message>
    <message>
        <source>Read the output below, fix the cause on the server, and try again.</source>
        <translation>请阅读下面的输出，在服务器上排除原因，然后重试。</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>details: %1</source>
        <translation>详情：%1</translation>
    </message>
    <message>
        <source>Run &quot;gantryctl %1 --help&quot; for usage.</source>
        <translation>运行“gantryctl %1 --help”查看用法。</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The secret %1 is not in the keychain.</source>
        <translation>机密 %1 不在钥匙串中。</translation>
    </message>
    <message>
        <source>Set it again (gantryctl profile set --secret, or the Profiles page).</source>
        <translation>请重新设置它（gantryctl profile set --secret，或“部署配置”页面）。</translation>
    </message>
    <message>
        <source>The keychain refused access to the secret %1.</source>
        <translation>钥匙串拒绝访问机密 %1。</translation>
    </message>
    <message>
        <source>Unlock the keychain and allow Gantry to use it, then try again.</source>
        <translation>请解锁钥匙串并允许 Gantry 使用它，然后重试。</translation>
    </message>
    <message>
        <source>No keychain is available, so Gantry cannot keep secrets and will not store them in plain text.</source>
        <translation>没有可用的钥匙串，因此 Gantry 无法保存机密，也不会以明文保存它们。</translation>
    </message>
    <message>
        <source>On Linux, start a Secret Service such as gnome-keyring (in a D-Bus session) or KWallet; on Windows and macOS the system keychain is used.</source>
        <translation>在 Linux 上，请启动 gnome-keyring（在 D-Bus 会话中）或 KWallet 等 Secret Service；在 Windows 和 macOS 上使用系统钥匙串。</translation>
    </message>
    <message>
        <source>The keychain could not handle the secret %1.</source>
        <translation>钥匙串无法处理机密 %1。</translation>
    </message>
    <message>
        <source>Check that the keychain is running and unlocked, then try again.</source>
        <translation>请检查钥匙串是否正在运行且已解锁，然后重试。</translation>
    </message>
</context>
<context>
    <name>ServerCommand</name>
    <message>
        <source>systemd</source>
        <translation>systemd</translation>
    </message>
    <message>
        <source>no systemd</source>
        <translation>没有 systemd</translation>
    </message>
    <message>
        <source>Host key %1 is pinned.</source>
        <translation>主机密钥 %1 已固定。</translation>
    </message>
    <message>
        <source>Give either --accept-new-host-key or --trust-host-key, not both.</source>
        <translation>请只给出 --accept-new-host-key 或 --trust-host-key 之一，不要同时给出。</translation>
    </message>
    <message>
        <source>--trust-host-key needs a fingerprint like SHA256:abc… as ssh-keygen -l prints it.</source>
        <translation>--trust-host-key 需要一个像 ssh-keygen -l 打印的 SHA256:abc… 这样的指纹。</translation>
    </message>
    <message>
        <source>Trust the server&apos;s key if none is pinned yet (check the fingerprint shown).</source>
        <translation>如果尚未固定密钥，则信任服务器的密钥（请核对显示的指纹）。</translation>
    </message>
    <message>
        <source>Trust the server&apos;s key only if its fingerprint is FP.</source>
        <translation>仅当服务器密钥的指纹为 FP 时才信任它。</translation>
    </message>
    <message>
        <source>Read the login and sudo password from standard input.</source>
        <translation>从标准输入读取登录密码和 sudo 密码。</translation>
    </message>
    <message>
        <source>Give up connecting after SECONDS (default 10).</source>
        <translation>连接超过 SECONDS 秒后放弃（默认 10）。</translation>
    </message>
    <message>
        <source>Print the result as JSON on stdout.</source>
        <translation>在标准输出上以 JSON 打印结果。</translation>
    </message>
    <message>
        <source>give a NAME and --host.</source>
        <translation>请给出 NAME 和 --host。</translation>
    </message>
    <message>
        <source>--auth is key, agent or password.</source>
        <translation>--auth 的值为 key、agent 或 password。</translation>
    </message>
    <message>
        <source>A server named %1 already exists.</source>
        <translation>已存在名为 %1 的服务器。</translation>
    </message>
    <message>
        <source>Pick another name, or remove it first with gantryctl server remove %1.</source>
        <translation>请换一个名称，或先用 gantryctl server remove %1 将其移除。</translation>
    </message>
    <message>
        <source>There is no password to remember.</source>
        <translation>没有可保存的密码。</translation>
    </message>
    <message>
        <source>Give it with --password-stdin.</source>
        <translation>请用 --password-stdin 提供密码。</translation>
    </message>
    <message>
        <source>give the NAME of a server.</source>
        <translation>请给出服务器的 NAME。</translation>
    </message>
    <message>
        <source>No servers yet. Add one with gantryctl server add NAME --host HOST.</source>
        <translation>还没有服务器。请用 gantryctl server add NAME --host HOST 添加一台。</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Removed %1; what runs there was not touched.</source>
        <translation>已移除 %1；服务器上运行的内容未受影响。</translation>
    </message>
    <message>
        <source>give the NAME of a server and --forget.</source>
        <translation>请给出服务器的 NAME 和 --forget。</translation>
    </message>
    <message>
        <source>The pinned host key of %1 is forgotten. Check the server, then pin its key: gantryctl server check %1 --trust-host-key SHA256:…</source>
        <translation>已忘记 %1 的固定主机密钥。请检查服务器，然后固定其密钥：gantryctl server check %1 --trust-host-key SHA256:…</translation>
    </message>
    <message>
        <source>Give the path of an OpenSSH config file.</source>
        <translation>请给出 OpenSSH 配置文件的路径。</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n server(s). Check each once to pin its host key: gantryctl server check NAME --accept-new-host-key</source>
        <translation>
            <numerusform>已导入 %n 台服务器。请对每台检查一次以固定其主机密钥：gantryctl server check NAME --accept-new-host-key</numerusform>
        </translation>
    </message>
    <message>
        <source>The server&apos;s name in Gantry.</source>
        <translation>服务器在 Gantry 中的名称。</translation>
    </message>
    <message>
        <source>The server&apos;s address.</source>
        <translation>服务器的地址。</translation>
    </message>
    <message>
        <source>The SSH port (default 22).</source>
        <translation>SSH 端口（默认 22）。</translation>
    </message>
    <message>
        <source>The login user (default root).</source>
        <translation>登录用户（默认 root）。</translation>
    </message>
    <message>
        <source>A private key file.</source>
        <translation>私钥文件。</translation>
    </message>
    <message>
        <source>key, agent or password (default: key with --key, else agent).</source>
        <translation>key、agent 或 password（默认：给出 --key 时为 key，否则为 agent）。</translation>
    </message>
    <message>
        <source>Keep the password in the OS keychain.</source>
        <translation>将密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>With trust: forget the pinned host key.</source>
        <translation>与 trust 一起使用：忘记已固定的主机密钥。</translation>
    </message>
    <message>
        <source> via %1</source>
        <translation>，经由 %1</translation>
    </message>
    <message>
        <source>%1 (%2@%3:%4%5): %6, linux/%7, %8, %9, %10 free under /opt.</source>
        <translation>%1（%2@%3:%4%5）：%6，linux/%7，%8，%9，/opt 下可用空间 %10。</translation>
    </message>
    <message>
        <source>Skipped %1: %2</source>
        <translation>已跳过 %1：%2</translation>
    </message>
    <message>
        <source>Connect through the server JUMP, which Gantry already knows (ProxyJump).</source>
        <translation>经由 Gantry 已知的服务器 JUMP 连接（ProxyJump）。</translation>
    </message>
    <message>
        <source>give what changes: --host, --port, --user, --key, --auth, --jump or --no-jump.</source>
        <translation>请给出要修改的内容：--host、--port、--user、--key、--auth、--jump 或 --no-jump。</translation>
    </message>
    <message>
        <source>Give either --jump or --no-jump, not both.</source>
        <translation>请只给出 --jump 或 --no-jump 之一，不要同时给出。</translation>
    </message>
    <message>
        <source>%1 was not changed. To save the change without connecting, add --no-check.</source>
        <translation>%1 未作修改。若要不连接就保存修改，请加上 --no-check。</translation>
    </message>
    <message>
        <source>Saved %1 (%2@%3:%4%5) without connecting.</source>
        <translation>已保存 %1（%2@%3:%4%5），未连接服务器。</translation>
    </message>
    <message>
        <source>Pin its host key before deploying: gantryctl server check %1 --accept-new-host-key</source>
        <translation>部署前请先固定其主机密钥：gantryctl server check %1 --accept-new-host-key</translation>
    </message>
    <message>
        <source>Servers to deploy to: add (pinning the host key), check, list, edit, remove, trust --forget, import [~/.ssh/config].</source>
        <translation>部署目标服务器：add（固定主机密钥）、check、list、edit、remove、trust --forget、import [~/.ssh/config]。</translation>
    </message>
    <message>
        <source>add, check, list, edit, remove, trust or import</source>
        <translation>add、check、list、edit、remove、trust 或 import</translation>
    </message>
    <message>
        <source>With edit: connect directly, not through a jump server.</source>
        <translation>与 edit 一起使用：直接连接，不经过跳板服务器。</translation>
    </message>
    <message>
        <source>With edit: save without connecting to the server.</source>
        <translation>与 edit 一起使用：不连接服务器直接保存。</translation>
    </message>
    <message>
        <source>the action is add, check, list, edit, remove, trust or import.</source>
        <translation>操作为 add、check、list、edit、remove、trust 或 import。</translation>
    </message>
</context>
<context>
    <name>ServerPasswords</name>
    <message>
        <source>Could not read the password from standard input.</source>
        <translation>无法从标准输入读取密码。</translation>
    </message>
    <message>
        <source>--password-stdin was given, but standard input was empty.</source>
        <translation>给出了 --password-stdin，但标准输入为空。</translation>
    </message>
    <message>
        <source>Pipe the password in: printf &apos;%s&apos; &quot;$PASSWORD&quot; | gantryctl …</source>
        <translation>请通过管道传入密码：printf &apos;%s&apos; &quot;$PASSWORD&quot; | gantryctl …</translation>
    </message>
</context>
<context>
    <name>ServerPath</name>
    <message>
        <source>The %1 &quot;%2&quot; is not an absolute path on the server.</source>
        <translation>%1“%2”不是服务器上的绝对路径。</translation>
    </message>
    <message>
        <source>Use a full path that starts with &quot;/&quot;, such as /opt/gantry/myapp.</source>
        <translation>请使用以“/”开头的完整路径，例如 /opt/gantry/myapp。</translation>
    </message>
    <message>
        <source>The %1 &quot;%2&quot; has a character or part Gantry does not accept.</source>
        <translation>%1“%2”包含 Gantry 不接受的字符或部分。</translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot;, &quot;@&quot; and &quot;+&quot; between single slashes; no spaces, quotes, &quot;..&quot; or trailing slash.</source>
        <translation>单个斜杠之间只能使用字母、数字、“.”、“_”、“-”、“@”和“+”；不能有空格、引号、“..”或结尾的斜杠。</translation>
    </message>
</context>
<context>
    <name>ServerProbe</name>
    <message>
        <source>logged in as root</source>
        <translation>以 root 登录</translation>
    </message>
    <message>
        <source>sudo without a password</source>
        <translation>无需密码的 sudo</translation>
    </message>
    <message>
        <source>sudo with a password</source>
        <translation>需要密码的 sudo</translation>
    </message>
    <message>
        <source>no sudo</source>
        <translation>没有 sudo</translation>
    </message>
</context>
<context>
    <name>ServerRecord</name>
    <message>
        <source>Server %1 needs an address and a user name.</source>
        <translation>服务器 %1 需要地址和用户名。</translation>
    </message>
    <message>
        <source>Enter the host name or IP address and the SSH user.</source>
        <translation>请输入主机名或 IP 地址，以及 SSH 用户。</translation>
    </message>
    <message>
        <source>The SSH port %1 of server %2 is not between 1 and 65535.</source>
        <translation>服务器 %2 的 SSH 端口 %1 不在 1 到 65535 之间。</translation>
    </message>
    <message>
        <source>Use 22 unless the server listens elsewhere.</source>
        <translation>除非服务器监听其他端口，否则请使用 22。</translation>
    </message>
    <message>
        <source>Server %1 signs in with a key, but no key file is set.</source>
        <translation>服务器 %1 使用密钥登录，但未设置密钥文件。</translation>
    </message>
    <message>
        <source>Choose the private key file, or sign in with the SSH agent.</source>
        <translation>请选择私钥文件，或使用 SSH 代理登录。</translation>
    </message>
</context>
<context>
    <name>ServiceOps</name>
    <message>
        <source>%1 is being deployed to by %2 from %3 (process %4) since %5, version %6.</source>
        <translation>自 %5 起，%2 正在从 %3（进程 %4）向 %1 部署版本 %6。</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <source>an unknown machine</source>
        <translation>未知的机器</translation>
    </message>
    <message>
        <source>Wait for that deploy to end. If it is gone for good, break the lock: deploy again with --break-lock (or &quot;Break lock&quot; in the app).</source>
        <translation>请等待该部署结束。如果它已不复存在，请解除锁：使用 --break-lock 重新部署（或在应用中勾选“解除失效的锁”）。</translation>
    </message>
    <message>
        <source>Another deploy took the lock of %1 at the same moment.</source>
        <translation>另一个部署在同一时刻获取了 %1 的锁。</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>请稍后重试。</translation>
    </message>
    <message>
        <source>took over a stale lock of %1 from %2</source>
        <translation>接管了 %2 留在 %1 上的失效锁</translation>
    </message>
    <message>
        <source>broke the lock of %1 from %2</source>
        <translation>解除了 %2 在 %1 上的锁</translation>
    </message>
    <message>
        <source>HTTP %1 from %2</source>
        <translation>%2 返回 HTTP %1</translation>
    </message>
    <message>
        <source>rollback</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Release %1 is not kept on %2.</source>
        <translation>%2 上没有保留发布 %1。</translation>
    </message>
    <message>
        <source>There is no earlier good release on %1 to roll back to.</source>
        <translation>%1 上没有可回滚到的更早的正常发布。</translation>
    </message>
    <message>
        <source>List the kept releases with gantryctl releases, and pick one that exists and is not marked bad.</source>
        <translation>请用 gantryctl releases 列出保留的发布，并选择一个存在且未被标记为有问题的发布。</translation>
    </message>
    <message>
        <source>Release %1 on %2 cannot be rolled back to: it is %3.</source>
        <translation>无法回滚到 %2 上的发布 %1：它%3。</translation>
    </message>
    <message>
        <source>already current</source>
        <translation>已经是当前发布</translation>
    </message>
    <message>
        <source>marked bad</source>
        <translation>已被标记为有问题</translation>
    </message>
    <message>
        <source>pruned</source>
        <translation>已被清理</translation>
    </message>
    <message>
        <source>Pick another release from gantryctl releases.</source>
        <translation>请从 gantryctl releases 中选择另一个发布。</translation>
    </message>
    <message>
        <source>Release %1 on %2 is current again but not healthy: %3</source>
        <translation>%2 上的发布 %1 已重新成为当前发布，但健康检查未通过：%3</translation>
    </message>
    <message>
        <source>Read the service&apos;s log (the Logs page) and fix the cause.</source>
        <translation>请阅读服务日志（“日志”页面）并排除原因。</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
</context>
<context>
    <name>SettingAssignment</name>
    <message>
        <source>&quot;%1&quot; is not a deploy setting.</source>
        <translation>“%1”不是部署设置。</translation>
    </message>
    <message>
        <source>Use one of: %1.</source>
        <translation>请使用以下之一：%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a setting; write it as KEY=VALUE, e.g. servicePort=9000.</source>
        <translation>“%1”不是设置；请写成 KEY=VALUE，例如 servicePort=9000。</translation>
    </message>
    <message>
        <source>The deploy setting %1 needs a whole number, not &quot;%2&quot;.</source>
        <translation>部署设置 %1 需要一个整数，而不是“%2”。</translation>
    </message>
</context>
<context>
    <name>SocketPair</name>
    <message>
        <source>Gantry could not create a local socket for the SSH tunnel.</source>
        <translation>Gantry 无法为 SSH 隧道创建本地套接字。</translation>
    </message>
    <message>
        <source>Close other programs (too many open files?) and try again.</source>
        <translation>请关闭其他程序（打开的文件过多？）后重试。</translation>
    </message>
    <message>
        <source>Check that no security program blocks connections to 127.0.0.1, then try again.</source>
        <translation>请确认没有安全软件阻止到 127.0.0.1 的连接，然后重试。</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <source>%1:%2: %3</source>
        <translation>%1:%2：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses the token %%2, which Gantry does not expand.</source>
        <translation>“%1”使用了 Gantry 不展开的标记 %%2。</translation>
    </message>
    <message>
        <source>Write that part of the path out in full.</source>
        <translation>请完整写出路径的这一部分。</translation>
    </message>
    <message>
        <source>Host names no host.</source>
        <translation>Host 没有指定任何主机。</translation>
    </message>
    <message>
        <source>Write at least one name or pattern after Host.</source>
        <translation>请在 Host 后至少写一个名称或模式。</translation>
    </message>
    <message>
        <source>Include names no file.</source>
        <translation>Include 没有指定任何文件。</translation>
    </message>
    <message>
        <source>Write the file to include after Include.</source>
        <translation>请在 Include 后写出要包含的文件。</translation>
    </message>
    <message>
        <source>Include is nested more than %1 levels deep.</source>
        <translation>Include 的嵌套超过了 %1 层。</translation>
    </message>
    <message>
        <source>Check whether a file includes itself.</source>
        <translation>请检查是否有文件包含了自身。</translation>
    </message>
    <message>
        <source>%1 has no value.</source>
        <translation>%1 没有值。</translation>
    </message>
    <message>
        <source>%1 has more than one value.</source>
        <translation>%1 有多个值。</translation>
    </message>
    <message>
        <source>Write exactly one value; quote it if it has spaces.</source>
        <translation>请只写一个值；如果值含有空格，请加引号。</translation>
    </message>
    <message>
        <source>Port &quot;%1&quot; is not a number from 1 to 65535.</source>
        <translation>端口“%1”不是 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>Write the SSH port as a number, such as 22.</source>
        <translation>请将 SSH 端口写成数字，例如 22。</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>有一个引号没有闭合。</translation>
    </message>
    <message>
        <source>Close the quote, or escape it with a backslash.</source>
        <translation>请闭合引号，或用反斜杠转义。</translation>
    </message>
</context>
<context>
    <name>SshConfigImport</name>
    <message>
        <source>%1 uses ProxyCommand, which Gantry cannot run. Use ProxyJump in the SSH config, or add the server by hand and choose its jump server.</source>
        <translation>%1 使用了 ProxyCommand，Gantry 无法运行它。请在 SSH 配置中改用 ProxyJump，或手动添加该服务器并选择其跳板服务器。</translation>
    </message>
    <message>
        <source>The ProxyJump chain %1 of %2 cannot be kept: %3 already connects %4.</source>
        <translation>无法保留 %2 的 ProxyJump 链 %1：%3 已用于连接 %4。</translation>
    </message>
    <message>
        <source>directly</source>
        <translation>直接连接</translation>
    </message>
    <message>
        <source>through %1</source>
        <translation>经由 %1</translation>
    </message>
    <message>
        <source>The ProxyJump &quot;%1&quot; of %2 is not of the form [user@]host[:port].</source>
        <translation>%2 的 ProxyJump“%1”不符合 [user@]host[:port] 的格式。</translation>
    </message>
    <message>
        <source>%1 jumps through %2, which is neither a host of this config nor a server Gantry knows. Add it first, then import again.</source>
        <translation>%1 经由 %2 跳转，但 %2 既不是此配置中的主机，也不是 Gantry 已知的服务器。请先添加它，然后重新导入。</translation>
    </message>
</context>
<context>
    <name>SshSession</name>
    <message>
        <source>The connection to %1 was lost while %2.</source>
        <translation>在%2时，与 %1 的连接中断了。</translation>
    </message>
    <message>
        <source>Check the network and that the server is up, then try again; a deploy that was cut off leaves the running service as it was.</source>
        <translation>请检查网络以及服务器是否在运行，然后重试；被中断的部署不会改变正在运行的服务。</translation>
    </message>
    <message>
        <source>Gantry could not start an SSH session (out of memory).</source>
        <translation>Gantry 无法启动 SSH 会话（内存不足）。</translation>
    </message>
    <message>
        <source>Close other programs and try again.</source>
        <translation>请关闭其他程序后重试。</translation>
    </message>
    <message>
        <source>%1 refused the connection on port %2.</source>
        <translation>%1 拒绝了端口 %2 上的连接。</translation>
    </message>
    <message>
        <source>Check that the SSH server runs there and that the port is right.</source>
        <translation>请检查该服务器上的 SSH 服务是否在运行，以及端口是否正确。</translation>
    </message>
    <message>
        <source>The server name %1 could not be found.</source>
        <translation>找不到服务器名称 %1。</translation>
    </message>
    <message>
        <source>Check the spelling of the address, or use its IP address.</source>
        <translation>请检查地址的拼写，或改用其 IP 地址。</translation>
    </message>
    <message>
        <source>Could not reach %1: it did not answer within %2 seconds.</source>
        <translation>无法连接 %1：它在 %2 秒内没有响应。</translation>
    </message>
    <message>
        <source>Check the address, that the server is up, and that no firewall blocks port %1.</source>
        <translation>请检查地址、服务器是否在运行，以及是否有防火墙阻止了端口 %1。</translation>
    </message>
    <message>
        <source>Could not connect to %1.</source>
        <translation>无法连接到 %1。</translation>
    </message>
    <message>
        <source>Check the address and port, and that the server is up.</source>
        <translation>请检查地址和端口，以及服务器是否在运行。</translation>
    </message>
    <message>
        <source>%1 did not send a host key.</source>
        <translation>%1 没有发送主机密钥。</translation>
    </message>
    <message>
        <source>Check that the address points to an SSH server.</source>
        <translation>请检查该地址是否指向一台 SSH 服务器。</translation>
    </message>
    <message>
        <source>The host key of %1 could not be read.</source>
        <translation>无法读取 %1 的主机密钥。</translation>
    </message>
    <message>
        <source>Try again; if it persists, check the server&apos;s SSH configuration.</source>
        <translation>请重试；如果问题仍然存在，请检查服务器的 SSH 配置。</translation>
    </message>
    <message>
        <source>Ask the server&apos;s administrator whether the key was changed (for example after a reinstall). Only then forget the old key (Servers, or gantryctl server trust NAME --forget) and trust the new one.</source>
        <translation>请向服务器管理员确认密钥是否已更换（例如重装系统之后）。确认后再忘记旧密钥（在“服务器”页面，或使用 gantryctl server trust NAME --forget）并信任新密钥。</translation>
    </message>
    <message>
        <source>Gantry&apos;s known hosts file %1 could not be read.</source>
        <translation>无法读取 Gantry 的已知主机文件 %1。</translation>
    </message>
    <message>
        <source>Check that the file is readable, or move it away to trust servers again.</source>
        <translation>请检查该文件是否可读，或将其移走后重新信任服务器。</translation>
    </message>
    <message>
        <source>The fingerprint you gave (%1) does not match the host key of %2, which is %3.</source>
        <translation>您提供的指纹（%1）与 %2 的主机密钥（%3）不匹配。</translation>
    </message>
    <message>
        <source>Check the fingerprint with the server&apos;s administrator; do not trust the server until they match.</source>
        <translation>请与服务器管理员核对指纹；在指纹一致之前不要信任该服务器。</translation>
    </message>
    <message>
        <source>%1 is not trusted yet. Its host key fingerprint is %2.</source>
        <translation>%1 尚未被信任。其主机密钥指纹为 %2。</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your server administrator gives you (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on the server), then trust it: choose Trust, or pass --trust-host-key %1 (or --accept-new-host-key).</source>
        <translation>请将此指纹与服务器管理员提供的指纹核对（在服务器上运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub），然后再信任它：选择“信任”，或传入 --trust-host-key %1（或 --accept-new-host-key）。</translation>
    </message>
    <message>
        <source>The host key of %1 could not be saved to %2.</source>
        <translation>无法将 %1 的主机密钥保存到 %2。</translation>
    </message>
    <message>
        <source>Check that the workspace folder is writable.</source>
        <translation>请检查工作区文件夹是否可写。</translation>
    </message>
    <message>
        <source>logging in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>No SSH agent is running, and %1 accepted none of your default keys.</source>
        <translation>没有运行 SSH 代理，并且 %1 不接受您的任何默认密钥。</translation>
    </message>
    <message>
        <source>Start your SSH agent and add your key (ssh-add), or choose a key file or a password for this server.</source>
        <translation>请启动 SSH 代理并添加您的密钥（ssh-add），或为此服务器选择密钥文件或密码登录。</translation>
    </message>
    <message>
        <source>%1 accepted none of the keys in your SSH agent.</source>
        <translation>%1 不接受您 SSH 代理中的任何密钥。</translation>
    </message>
    <message>
        <source>Add the right key to the agent (ssh-add), or put your public key into ~/.ssh/authorized_keys of %1 on the server.</source>
        <translation>请将正确的密钥添加到代理（ssh-add），或将您的公钥放入服务器上 %1 的 ~/.ssh/authorized_keys。</translation>
    </message>
    <message>
        <source>The key file %1 does not exist or cannot be read.</source>
        <translation>密钥文件 %1 不存在或无法读取。</translation>
    </message>
    <message>
        <source>Choose an existing private key file for this server.</source>
        <translation>请为此服务器选择一个存在的私钥文件。</translation>
    </message>
    <message>
        <source>The key %1 needs its passphrase, and none was given.</source>
        <translation>密钥 %1 需要口令，但未提供。</translation>
    </message>
    <message>
        <source>Enter the key&apos;s passphrase, or add the key to your SSH agent and choose agent login.</source>
        <translation>请输入密钥的口令，或将密钥添加到 SSH 代理并选择代理登录。</translation>
    </message>
    <message>
        <source>The key %1 could not be opened: the passphrase is wrong or the file is not a private key.</source>
        <translation>无法打开密钥 %1：口令错误，或该文件不是私钥。</translation>
    </message>
    <message>
        <source>Check the passphrase and that the file is an OpenSSH private key (ed25519, ECDSA or RSA).</source>
        <translation>请检查口令，并确认该文件是 OpenSSH 私钥（ed25519、ECDSA 或 RSA）。</translation>
    </message>
    <message>
        <source>%1 refused the key %2.</source>
        <translation>%1 拒绝了密钥 %2。</translation>
    </message>
    <message>
        <source>Put the matching public key (%1.pub) into ~/.ssh/authorized_keys of %2 on the server.</source>
        <translation>请将对应的公钥（%1.pub）放入服务器上 %2 的 ~/.ssh/authorized_keys。</translation>
    </message>
    <message>
        <source>%1 refused the password.</source>
        <translation>%1 拒绝了该密码。</translation>
    </message>
    <message>
        <source>Check the user name and password; a password remembered in the keychain can be replaced in Servers.</source>
        <translation>请检查用户名和密码；保存在钥匙串中的密码可在“服务器”页面替换。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No password was given for %1.</source>
        <translation>没有为 %1 提供密码。</translation>
    </message>
    <message>
        <source>Enter the password, or choose key or agent login for this server.</source>
        <translation>请输入密码，或为此服务器选择密钥或代理登录。</translation>
    </message>
    <message>
        <source>%1 does not accept passwords.</source>
        <translation>%1 不接受密码登录。</translation>
    </message>
    <message>
        <source>Choose key or agent login for this server.</source>
        <translation>请为此服务器选择密钥或代理登录。</translation>
    </message>
    <message>
        <source>Login to %1 was cancelled.</source>
        <translation>登录 %1 已取消。</translation>
    </message>
    <message>
        <source>Answer the server&apos;s questions to log in.</source>
        <translation>请回答服务器的问题以完成登录。</translation>
    </message>
    <message>
        <source>starting a command</source>
        <translation>启动命令</translation>
    </message>
    <message>
        <source>sending a command</source>
        <translation>发送命令</translation>
    </message>
    <message>
        <source>a command ran</source>
        <translation>命令运行</translation>
    </message>
    <message>
        <source>A command on %1 did not finish within %2 seconds.</source>
        <translation>%1 上的命令未在 %2 秒内完成。</translation>
    </message>
    <message>
        <source>Check the server&apos;s load and its logs, then try again.</source>
        <translation>请检查服务器的负载和日志，然后重试。</translation>
    </message>
    <message>
        <source>The file %1 could not be read for upload.</source>
        <translation>无法读取要上传的文件 %1。</translation>
    </message>
    <message>
        <source>Build again, then deploy.</source>
        <translation>请重新构建，然后部署。</translation>
    </message>
    <message>
        <source>uploading %1</source>
        <translation>上传 %1</translation>
    </message>
    <message>
        <source>checking the upload</source>
        <translation>校验上传</translation>
    </message>
    <message>
        <source>%1 ran out of disk space while receiving %2.</source>
        <translation>%1 在接收 %2 时磁盘空间不足。</translation>
    </message>
    <message>
        <source>Free space on the server (or keep fewer releases), then deploy again; the running service was not changed.</source>
        <translation>请释放服务器上的空间（或保留更少的发布），然后重新部署；正在运行的服务未被改动。</translation>
    </message>
    <message>
        <source>The upload to %1 failed with exit status %2.</source>
        <translation>上传到 %1 失败，退出状态 %2。</translation>
    </message>
    <message>
        <source>Check that %1 can write to %2, and that the disk is not full.</source>
        <translation>请检查 %1 能否写入 %2，以及磁盘是否已满。</translation>
    </message>
    <message>
        <source>The upload to %1 arrived damaged: its sha256 on the server does not match.</source>
        <translation>上传到 %1 的文件已损坏：服务器上的 sha256 不匹配。</translation>
    </message>
    <message>
        <source>Deploy again; if it happens again, check the network and the server&apos;s disk.</source>
        <translation>请重新部署；如果再次出现，请检查网络和服务器的磁盘。</translation>
    </message>
    <message>
        <source>checking health</source>
        <translation>健康检查</translation>
    </message>
    <message>
        <source>Nothing answers on port %1 of %2.</source>
        <translation>%2 的端口 %1 上没有任何响应。</translation>
    </message>
    <message>
        <source>The service is not listening (yet): check that it started and that the profile&apos;s port is the one it uses.</source>
        <translation>服务（尚）未监听：请检查它是否已启动，以及部署配置中的端口是否就是它使用的端口。</translation>
    </message>
    <message>
        <source>The health check on port %1 of %2 got no answer within %3 ms.</source>
        <translation>%2 端口 %1 上的健康检查在 %3 毫秒内没有得到响应。</translation>
    </message>
    <message>
        <source>The service accepted the connection but did not answer: check its logs.</source>
        <translation>服务接受了连接但没有响应：请检查其日志。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed since you trusted it (it is now %2). Someone may be intercepting the connection, or the server was reinstalled; Gantry refused to connect.</source>
        <translation>%1 的主机密钥在您信任之后已经改变（现在是 %2）。可能有人在拦截连接，或者服务器已重装；Gantry 已拒绝连接。</translation>
    </message>
    <message>
        <source>The connection to %1 through %2 was lost while %3.</source>
        <translation>在%3时，经由 %2 到 %1 的连接中断了。</translation>
    </message>
    <message>
        <source>Check the network and that %1 and the server are up, then try again; a deploy that was cut off leaves the running service as it was.</source>
        <translation>请检查网络，并确认 %1 和该服务器均在运行，然后重试；被中断的部署不会改动正在运行的服务。</translation>
    </message>
    <message>
        <source>%1 accepted none of your default keys, and Gantry cannot use Pageant or the Windows OpenSSH agent.</source>
        <translation>%1 不接受你的任何默认密钥，而 Gantry 无法使用 Pageant 或 Windows OpenSSH 代理。</translation>
    </message>
    <message>
        <source>Choose your private key file (for example %1) or a password for this server.</source>
        <translation>请为此服务器选择你的私钥文件（例如 %1）或使用密码。</translation>
    </message>
</context>
<context>
    <name>SshTunnel</name>
    <message>
        <source>Could not reach %1 through %2: %3</source>
        <translation>无法经由 %2 连接 %1：%3</translation>
    </message>
    <message>
        <source>%1 could not open a channel.</source>
        <translation>%1 无法打开通道。</translation>
    </message>
    <message>
        <source>Try again; if it persists, check the SSH server of %1.</source>
        <translation>请重试；如果问题仍然存在，请检查 %1 的 SSH 服务器。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2: %2 refused the forward (administratively prohibited).</source>
        <translation>无法经由 %2 连接 %1：%2 拒绝了转发（administratively prohibited）。</translation>
    </message>
    <message>
        <source>Check AllowTcpForwarding on %1: its SSH server must allow TCP forwarding for %2.</source>
        <translation>请检查 %1 上的 AllowTcpForwarding：其 SSH 服务器必须为 %2 允许 TCP 转发。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2: %2 could not connect to %3.</source>
        <translation>无法经由 %2 连接 %1：%2 无法连接到 %3。</translation>
    </message>
    <message>
        <source>Check that %1 is up, and that %2 can reach %3.</source>
        <translation>请确认 %1 在运行，并且 %2 能访问 %3。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2: the connection to %2 was lost.</source>
        <translation>无法经由 %2 连接 %1：到 %2 的连接已中断。</translation>
    </message>
    <message>
        <source>Check the network and that %1 is up, then try again.</source>
        <translation>请检查网络并确认 %1 在运行，然后重试。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2: %3 did not answer within %4 seconds.</source>
        <translation>无法经由 %2 连接 %1：%3 在 %4 秒内没有响应。</translation>
    </message>
    <message>
        <source>Check that %1 is up and that no firewall between %2 and it blocks port %3.</source>
        <translation>请确认 %1 在运行，并且 %2 与它之间没有防火墙阻止端口 %3。</translation>
    </message>
    <message>
        <source>Could not reach %1 through %2: %2 did not open a channel to %3.</source>
        <translation>无法经由 %2 连接 %1：%2 没有打开到 %3 的通道。</translation>
    </message>
    <message>
        <source>Check that %1 allows TCP forwarding and can reach %2.</source>
        <translation>请确认 %1 允许 TCP 转发并且能访问 %2。</translation>
    </message>
</context>
<context>
    <name>SystemdEnvFile</name>
    <message>
        <source>Remove that character from the value of %1.</source>
        <translation>请从 %1 的值中删除该字符。</translation>
    </message>
    <message>
        <source>The value of %1 holds a NUL character (at character %2); a process environment cannot carry it.</source>
        <translation>%1 的值包含 NUL 字符（位于第 %2 个字符）；进程环境无法承载它。</translation>
    </message>
    <message>
        <source>The value of %1 holds a lone UTF-16 surrogate (at character %2), which is not valid Unicode text.</source>
        <translation>%1 的值包含孤立的 UTF-16 代理项（位于第 %2 个字符），不是有效的 Unicode 文本。</translation>
    </message>
    <message>
        <source>The value of %1 holds %2 (at character %3), a Unicode noncharacter; systemd refuses such a file and the service would not start.</source>
        <translation>%1 的值包含 %2（位于第 %3 个字符），这是 Unicode 非字符；systemd 会拒绝此类文件，服务将无法启动。</translation>
    </message>
    <message>
        <source>%1 is set twice.</source>
        <translation>%1 被设置了两次。</translation>
    </message>
    <message>
        <source>Keep one of the two values.</source>
        <translation>请保留两个值中的一个。</translation>
    </message>
    <message>
        <source>%1 and its value take %2 bytes; Linux starts no process with a variable longer than %3 bytes.</source>
        <translation>%1 及其值共占 %2 字节；Linux 不会启动变量长度超过 %3 字节的进程。</translation>
    </message>
    <message>
        <source>Shorten the value, or put the data in a file and pass its path instead.</source>
        <translation>请缩短该值，或将数据放入文件并改为传递文件路径。</translation>
    </message>
    <message>
        <source>The variables take %1 bytes together; Gantry allows %2 so that the service&apos;s environment fits the kernel&apos;s limit for starting a process.</source>
        <translation>这些变量共占 %1 字节；Gantry 最多允许 %2 字节，以使服务的环境符合内核启动进程时的限制。</translation>
    </message>
    <message>
        <source>Move large values into files and pass their paths instead.</source>
        <translation>请将较大的值移入文件，并改为传递文件路径。</translation>
    </message>
    <message>
        <source>The file holds a NUL byte; systemd refuses to read it and the service does not start.</source>
        <translation>该文件包含 NUL 字节；systemd 会拒绝读取它，服务将无法启动。</translation>
    </message>
    <message>
        <source>Write the file again without the NUL byte.</source>
        <translation>请重新写入该文件，去掉其中的 NUL 字节。</translation>
    </message>
    <message>
        <source>The assignment of &quot;%1&quot; is not valid UTF-8 or holds a Unicode noncharacter; systemd refuses the file and the service does not start.</source>
        <translation>“%1”的赋值不是有效的 UTF-8，或包含 Unicode 非字符；systemd 会拒绝该文件，服务将无法启动。</translation>
    </message>
    <message>
        <source>Write the file again as UTF-8 text without that character.</source>
        <translation>请以 UTF-8 文本重新写入该文件，并去掉该字符。</translation>
    </message>
</context>
<context>
    <name>SystemdUnit</name>
    <message>
        <source>deploy root</source>
        <translation>部署根目录</translation>
    </message>
    <message>
        <source>environment file path</source>
        <translation>环境变量文件路径</translation>
    </message>
    <message>
        <source>A deploy setting of %1 contains a line break or another control character.</source>
        <translation>%1 的某项部署设置包含换行符或其他控制字符。</translation>
    </message>
    <message>
        <source>Remove line breaks and tabs from the profile&apos;s deploy settings.</source>
        <translation>请从部署配置的部署设置中删除换行符和制表符。</translation>
    </message>
    <message>
        <source>The service for %1 would run as root.</source>
        <translation>%1 的服务将以 root 身份运行。</translation>
    </message>
    <message>
        <source>Use a dedicated service user; Gantry creates it on the server.</source>
        <translation>请使用专用的服务用户；Gantry 会在服务器上创建它。</translation>
    </message>
    <message>
        <source>An argument of %1 contains a NUL character.</source>
        <translation>%1 的某个参数包含 NUL 字符。</translation>
    </message>
    <message>
        <source>Remove the NUL character from the service arguments.</source>
        <translation>请从服务参数中删除 NUL 字符。</translation>
    </message>
    <message>
        <source>The app name &quot;%1&quot; cannot name a systemd unit.</source>
        <translation>应用名称“%1”不能用作 systemd 单元名称。</translation>
    </message>
    <message>
        <source>Use up to 64 lower-case letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;, starting with a letter or digit.</source>
        <translation>请使用最多 64 个小写字母、数字、“.”、“_”和“-”，并以字母或数字开头。</translation>
    </message>
    <message>
        <source>The binary name &quot;%1&quot; is not a plain file name.</source>
        <translation>二进制文件名“%1”不是单纯的文件名。</translation>
    </message>
    <message>
        <source>Use the executable&apos;s file name inside the release folder, without a path.</source>
        <translation>请使用发布文件夹中可执行文件的文件名，不要带路径。</translation>
    </message>
    <message>
        <source>The description of %1 must be a single line not ending in &quot;\&quot;.</source>
        <translation>%1 的描述必须是单独一行，且不能以“\”结尾。</translation>
    </message>
    <message>
        <source>Remove line breaks, tabs and a trailing backslash from the description.</source>
        <translation>请从描述中删除换行符、制表符和结尾的反斜杠。</translation>
    </message>
</context>
<context>
    <name>UnitStatusQuery</name>
    <message>
        <source>&quot;%1&quot; is not the name of a Gantry service.</source>
        <translation>“%1”不是 Gantry 服务的名称。</translation>
    </message>
    <message>
        <source>Service names are 1 to 64 lower-case letters, digits, dots, dashes and underscores.</source>
        <translation>服务名称由 1 到 64 个小写字母、数字、点、连字符和下划线组成。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the service status query was not understood.</source>
        <translation>无法理解服务器对服务状态查询的响应。</translation>
    </message>
    <message>
        <source>Check that the login shell of the server&apos;s user runs commands and prints nothing else (a menu, or a shell that exits at once, cannot be used).</source>
        <translation>请检查服务器上该用户的登录 shell 能否执行命令且不输出其他内容（菜单或立即退出的 shell 无法使用）。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the service status query was cut short.</source>
        <translation>服务器对服务状态查询的响应被截断。</translation>
    </message>
    <message>
        <source>Check the connection to the server and try again.</source>
        <translation>请检查与服务器的连接，然后重试。</translation>
    </message>
    <message>
        <source>systemctl on the server could not tell the status of the services.</source>
        <translation>服务器上的 systemctl 无法获取服务状态。</translation>
    </message>
    <message>
        <source>Gantry runs services with systemd, and systemd does not run on this server.</source>
        <translation>Gantry 使用 systemd 运行服务，但此服务器上未运行 systemd。</translation>
    </message>
    <message>
        <source>Run &quot;systemctl status &apos;gantry-*&apos;&quot; on the server to see why.</source>
        <translation>请在服务器上运行“systemctl status &apos;gantry-*&apos;”查看原因。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the service status query has a line Gantry does not understand: &quot;%1&quot;.</source>
        <translation>服务器对服务状态查询的响应中有一行 Gantry 无法理解：“%1”。</translation>
    </message>
    <message>
        <source>Check that &quot;systemctl&quot; on the server is systemd&apos;s own and not a wrapper or an alias.</source>
        <translation>请检查服务器上的“systemctl”是否为 systemd 自带的版本，而不是包装脚本或别名。</translation>
    </message>
    <message>
        <source>The server&apos;s answer to the service status query has a unit without a name.</source>
        <translation>服务器对服务状态查询的响应中有一个没有名称的单元。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Cannot create the workspace folder %1.</source>
        <translation>无法创建工作区文件夹 %1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to.</source>
        <translation>请选择一个您有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>The workspace %1 has no id.</source>
        <translation>工作区 %1 没有 ID。</translation>
    </message>
    <message>
        <source>Open it again.</source>
        <translation>请重新打开它。</translation>
    </message>
    <message>
        <source>There is no project named %1.</source>
        <translation>没有名为 %1 的项目。</translation>
    </message>
    <message>
        <source>Add the project first.</source>
        <translation>请先添加该项目。</translation>
    </message>
    <message>
        <source>There is already a project named %1.</source>
        <translation>已存在名为 %1 的项目。</translation>
    </message>
    <message>
        <source>Choose another name.</source>
        <translation>请换一个名称。</translation>
    </message>
    <message>
        <source>Refresh the project list.</source>
        <translation>请刷新项目列表。</translation>
    </message>
    <message>
        <source>There is no server named %1.</source>
        <translation>没有名为 %1 的服务器。</translation>
    </message>
    <message>
        <source>Add the server first.</source>
        <translation>请先添加该服务器。</translation>
    </message>
    <message>
        <source>There is already a server named %1.</source>
        <translation>已存在名为 %1 的服务器。</translation>
    </message>
    <message>
        <source>Refresh the server list.</source>
        <translation>请刷新服务器列表。</translation>
    </message>
    <message>
        <source>Project %1 has no profile %2.</source>
        <translation>项目 %1 没有配置 %2。</translation>
    </message>
    <message>
        <source>Add the profile first.</source>
        <translation>请先添加该配置。</translation>
    </message>
    <message>
        <source>Project %1 already has a profile %2.</source>
        <translation>项目 %1 已有配置 %2。</translation>
    </message>
    <message>
        <source>Profile %1 of %2 cannot be deleted: %3 extend it.</source>
        <translation>无法删除项目 %2 的配置 %1：%3 继承自它。</translation>
    </message>
    <message>
        <source>Make those profiles extend another profile first.</source>
        <translation>请先让这些配置继承其他配置。</translation>
    </message>
    <message>
        <source>Profile %1 of %2 is listed twice.</source>
        <translation>项目 %2 的配置 %1 被列出了两次。</translation>
    </message>
    <message>
        <source>Keep one of them.</source>
        <translation>请只保留其中一个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid variable name.</source>
        <translation>“%1”不是有效的变量名。</translation>
    </message>
    <message>
        <source>Use letters, digits and &quot;_&quot;, not starting with a digit.</source>
        <translation>请使用字母、数字和“_”，不要以数字开头。</translation>
    </message>
    <message>
        <source>The value of the secret %1 cannot be kept in the workspace.</source>
        <translation>机密 %1 的值不能保存在工作区中。</translation>
    </message>
    <message>
        <source>Secret values live in the system keychain; store it there.</source>
        <translation>机密值保存在系统钥匙串中；请将其保存在那里。</translation>
    </message>
    <message>
        <source>%1 is already set in profile %2 of %3.</source>
        <translation>%1 已在项目 %3 的配置 %2 中设置。</translation>
    </message>
    <message>
        <source>Edit the existing variable instead.</source>
        <translation>请改为编辑现有变量。</translation>
    </message>
    <message>
        <source>%1 is listed twice for profile %2 of %3.</source>
        <translation>%1 在项目 %3 的配置 %2 中被列出了两次。</translation>
    </message>
    <message>
        <source>%1 is not set in profile %2 of %3.</source>
        <translation>%1 未在项目 %3 的配置 %2 中设置。</translation>
    </message>
    <message>
        <source>Refresh the list.</source>
        <translation>请刷新列表。</translation>
    </message>
</context>
<context>
    <name>WorkspaceCommand</name>
    <message>
        <source>write the workspace as JSON (- for stdout); secrets by name only</source>
        <translation>将工作区写为 JSON（- 表示标准输出）；机密只写名称</translation>
    </message>
    <message>
        <source>add or replace projects and servers from such a file (- for stdin)</source>
        <translation>从这样的文件添加或替换项目和服务器（- 表示标准输入）</translation>
    </message>
    <message>
        <source>where the workspace is, and its projects</source>
        <translation>工作区所在位置及其项目</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Choose a folder you can write to, with space left.</source>
        <translation>请选择一个您有写入权限且有剩余空间的文件夹。</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Check the file name and that you may read it.</source>
        <translation>请检查文件名以及您是否有读取权限。</translation>
    </message>
    <message>
        <source>%1 is not a JSON workspace export (%2 at byte %3).</source>
        <translation>%1 不是 JSON 格式的工作区导出文件（第 %3 字节处：%2）。</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>不是对象</translation>
    </message>
    <message>
        <source>Choose a file made by gantryctl workspace export or Gantry&apos;s export.</source>
        <translation>请选择由 gantryctl workspace export 或 Gantry 导出功能生成的文件。</translation>
    </message>
    <message>
        <source>Exported the workspace to %1 (secrets by name only, no values).</source>
        <translation>已将工作区导出到 %1（机密只含名称，不含值）。</translation>
    </message>
    <message>
        <source>Imported %1 project(s) and %2 server(s).</source>
        <translation>已导入 %1 个项目和 %2 台服务器。</translation>
    </message>
    <message>
        <source>The export holds no secret values. Unless the keychain has them already, set each with gantryctl profile set PROJECT PROFILE --secret NAME:
  %1</source>
        <translation>导出文件不含机密值。除非钥匙串中已有这些值，否则请用 gantryctl profile set PROJECT PROFILE --secret NAME 逐个设置：
  %1</translation>
    </message>
    <message>
        <source>Workspace %1</source>
        <translation>工作区 %1</translation>
    </message>
    <message>
        <source>id %1, schema version %2</source>
        <translation>ID %1，架构版本 %2</translation>
    </message>
    <message>
        <source>Usage: gantryctl workspace &lt;action&gt; ...

%1</source>
        <translation>用法：gantryctl workspace &lt;操作&gt; ...

%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an action; use one of export, import, info.</source>
        <translation>“%1”不是有效的操作；请使用 export、import、info 之一。</translation>
    </message>
    <message>
        <source>Print JSON on stdout.</source>
        <translation>在标准输出上打印 JSON。</translation>
    </message>
    <message>
        <source>takes no arguments.</source>
        <translation>不接受参数。</translation>
    </message>
    <message>
        <source>give one FILE.json.</source>
        <translation>请给出一个 FILE.json。</translation>
    </message>
</context>
<context>
    <name>WorkspaceTransfer</name>
    <message>
        <source>This is not a Gantry workspace export.</source>
        <translation>这不是 Gantry 工作区的导出文件。</translation>
    </message>
    <message>
        <source>Choose a file made by Gantry&apos;s export.</source>
        <translation>请选择由 Gantry 导出的文件。</translation>
    </message>
    <message>
        <source>The export was made by a newer Gantry (format version %1; this Gantry reads up to %2).</source>
        <translation>该导出文件由更新版本的 Gantry 创建（格式版本 %1；此 Gantry 最多可读取版本 %2）。</translation>
    </message>
    <message>
        <source>Update Gantry to import it.</source>
        <translation>请更新 Gantry 后再导入。</translation>
    </message>
</context>
<context>
    <name>gantryctl</name>
    <message>
        <source>Usage: gantryctl [--workspace DIR] &lt;command&gt; [options]

Commands:
  build PROJECT_DIR
      build static, version-stamped, packaged binaries
%1
%2
  server add NAME --host H [--port P] [--user U] [--key FILE | --auth agent|password]
             [--accept-new-host-key | --trust-host-key SHA256:...] [--password-stdin [--remember-password]]
  server check NAME | server list | server remove NAME | server trust NAME --forget | server import [FILE]
      servers over SSH; a host key is trusted only on your word and pinned
  deploy PROJECT --server NAME [--server NAME]... [--profile P] [--version V] [--dry-run]
      build if needed, upload, install a hardened systemd unit, start, wait for health, roll back on failure
  releases PROJECT --server NAME
  rollback PROJECT --server NAME [--to N]
  status PROJECT [--server NAME] [--watch [--interval S] [--count N]] [--json]
      state, version, uptime, restarts, CPU, memory and health; --watch refreshes until Ctrl+C
      (one command per server per refresh) and records alerts
  logs PROJECT --server NAME [--follow] [--level L] [--since T] [--grep RE] [--lines N] [--json]
      the service&apos;s journal, each line with its level (trace ... fatal; default all levels)
  events [--json] [--limit N] [--webhook URL | --no-webhook]
      alerts (failed, flapping, health failing, unreachable) and recoveries; where to POST them
  env diff PROJECT --server NAME --profile P
      what a deploy would change in the server&apos;s env file (secrets masked)
  keychain check
      is there a keychain Gantry can keep secrets in?
  version
      print gantryctl&apos;s version

PROJECT is a project folder (added to the workspace on first use, named after the folder, with
the profiles base, dev, test and prod) or the name of a project the workspace knows.
Secret values go to the OS keychain, never to the workspace or the command line:
  printf &apos;%s&apos; &quot;$TOKEN&quot; | gantryctl profile set PROJECT prod --secret API_TOKEN
reads the value from stdin (one trailing line end is dropped) or asks for it, unechoed.

Options for every command, before or after it:
  --workspace DIR   the workspace folder (default: %3)

Exit codes: 0 done, 1 failed (nothing was written), 2 wrong usage.
Run &quot;gantryctl &lt;command&gt; --help&quot; or &quot;gantryctl profile &lt;action&gt; --help&quot; for the options.</source>
        <translation>用法：gantryctl [--workspace DIR] &lt;命令&gt; [选项]

命令：
  build PROJECT_DIR
      构建静态链接、带版本标记并已打包的二进制文件
%1
%2
  server add NAME --host H [--port P] [--user U] [--key FILE | --auth agent|password]
             [--accept-new-host-key | --trust-host-key SHA256:...] [--password-stdin [--remember-password]]
  server check NAME | server list | server remove NAME | server trust NAME --forget | server import [FILE]
      通过 SSH 访问的服务器；主机密钥只有经您确认才会被信任并固定
  deploy PROJECT --server NAME [--server NAME]... [--profile P] [--version V] [--dry-run]
      按需构建、上传、安装加固的 systemd 单元、启动、等待健康检查通过，失败时回滚
  releases PROJECT --server NAME
  rollback PROJECT --server NAME [--to N]
  status PROJECT [--server NAME] [--watch [--interval S] [--count N]] [--json]
      状态、版本、运行时长、重启次数、CPU、内存和健康状况；--watch 持续刷新直到按下 Ctrl+C
      （每次刷新每台服务器执行一条命令）并记录告警
  logs PROJECT --server NAME [--follow] [--level L] [--since T] [--grep RE] [--lines N] [--json]
      服务的日志，每一行附带其级别（trace ... fatal；默认所有级别）
  events [--json] [--limit N] [--webhook URL | --no-webhook]
      告警（失败、频繁重启、健康检查失败、无法连接）和恢复事件；以及将其 POST 到何处
  env diff PROJECT --server NAME --profile P
      部署将对服务器上的环境变量文件做出的改动（机密已隐藏）
  keychain check
      是否有可供 Gantry 保存机密的钥匙串？
  version
      打印 gantryctl 的版本

PROJECT 是一个项目文件夹（首次使用时添加到工作区，以文件夹命名，
并带有部署配置 base、dev、test 和 prod），或工作区已知的项目名称。
机密值保存到操作系统钥匙串，绝不会写入工作区或命令行：
  printf &apos;%s&apos; &quot;$TOKEN&quot; | gantryctl profile set PROJECT prod --secret API_TOKEN
会从标准输入读取该值（去掉末尾的一个换行符），或以不回显的方式提示输入。

适用于所有命令的选项，可放在命令之前或之后：
  --workspace DIR   工作区文件夹（默认：%3）

退出码：0 完成，1 失败（未写入任何内容），2 用法错误。
运行“gantryctl &lt;命令&gt; --help”或“gantryctl profile &lt;操作&gt; --help”查看选项。</translation>
    </message>
</context>
</TS>
