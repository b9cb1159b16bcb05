<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Alerts</name>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="22"/>
        <source>{what} &gt; {level} (clears at {clear}) for {s} s</source>
        <translation>{what} &gt; {level}（降到 {clear} 时解除），持续 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="23"/>
        <source>{what} &gt; {level} (clears at {clear})</source>
        <translation>{what} &gt; {level}（降到 {clear} 时解除）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="24"/>
        <source>{what} &gt; {level} for {s} s</source>
        <translation>{what} &gt; {level}，持续 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="25"/>
        <source>{what} &gt; {level}</source>
        <translation>{what} &gt; {level}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="26"/>
        <source>{what} &lt; {level} (clears at {clear}) for {s} s</source>
        <translation>{what} &lt; {level}（升到 {clear} 时解除），持续 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="27"/>
        <source>{what} &lt; {level} (clears at {clear})</source>
        <translation>{what} &lt; {level}（升到 {clear} 时解除）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="28"/>
        <source>{what} &lt; {level} for {s} s</source>
        <translation>{what} &lt; {level}，持续 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="29"/>
        <source>{what} &lt; {level}</source>
        <translation>{what} &lt; {level}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="30"/>
        <source>offline for {s} s</source>
        <translation>离线 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="31"/>
        <source>silent for {s} s</source>
        <translation>静默 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="32"/>
        <source>{count} failed command(s) within {s} s</source>
        <translation>{s} 秒内 {count} 条命令失败</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="34"/>
        <source>{count} failed command(s) within {s} s (last: {outcome}: {error})</source>
        <translation>{s} 秒内 {count} 条命令失败（最近一条：{outcome}：{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="35"/>
        <source>{count} failed command(s) within {s} s (last: {outcome})</source>
        <translation>{s} 秒内 {count} 条命令失败（最近一条：{outcome}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="36"/>
        <source>{message} (last: {outcome}: {error})</source>
        <translation>{message}（最近一条：{outcome}：{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="37"/>
        <source>{message} (last: {outcome})</source>
        <translation>{message}（最近一条：{outcome}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="39"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="40"/>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="41"/>
        <source>rejected</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="42"/>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="43"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="47"/>
        <source>Broker link down</source>
        <translation>代理连接中断</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="48"/>
        <source>the broker link has been down for {s} s or more; device rules wait for it</source>
        <translation>与代理的连接已中断 {s} 秒或更久；设备规则等待连接恢复</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="49"/>
        <source>Device clock off</source>
        <translation>设备时钟偏差</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="50"/>
        <source>the device&apos;s clock is {offset} s off the console&apos;s (more than {threshold} s): its timestamps are unreliable; the console judges ttl on its own clock</source>
        <translation>设备时钟与控制台相差 {offset} 秒（超过 {threshold} 秒）：其时间戳不可靠；控制台按自己的时钟判断 ttl</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="55"/>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="56"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="57"/>
        <source>link</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="58"/>
        <source>rules</source>
        <translation>规则文件</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="59"/>
        <source>clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="63"/>
        <source>{what} back to {value}</source>
        <translation>{what} 已回到 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="64"/>
        <source>no failure for {s} s</source>
        <translation>{s} 秒内没有失败</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="65"/>
        <source>the device spoke again</source>
        <translation>设备重新发来了消息</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="66"/>
        <source>the device is online</source>
        <translation>设备已上线</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="67"/>
        <source>a command to it succeeded</source>
        <translation>发给它的一条命令已成功</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="68"/>
        <source>the broker link is back</source>
        <translation>代理连接已恢复</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="69"/>
        <source>the clock is within {threshold} s again ({offset} s)</source>
        <translation>时钟偏差重新回到 {threshold} 秒以内（{offset} 秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="70"/>
        <source>its rule was removed or disabled</source>
        <translation>其规则已被删除或停用</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="71"/>
        <source>cleared by the operator</source>
        <translation>由操作员清除</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="79"/>
        <source>{device} {params}: sent as command {command} once the operator confirmed</source>
        <translation>{device} {params}：经操作员确认后已作为命令 {command} 发送</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="81"/>
        <source>{device} {params}: sent as command {command}</source>
        <translation>{device} {params}：已作为命令 {command} 发送</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="82"/>
        <source>{device} {params}: waits for the operator (high risk)</source>
        <translation>{device} {params}：等待操作员确认（高风险）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="83"/>
        <source>{device} {params}: waits for the operator (act without asking is off)</source>
        <translation>{device} {params}：等待操作员确认（未开启“无需询问即执行”）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="85"/>
        <source>{device} {params}: dismissed by {who}</source>
        <translation>{device} {params}：已被 {who} 驳回</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="86"/>
        <source>{device} {params}: dismissed</source>
        <translation>{device} {params}：已驳回</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/wording.py" line="87"/>
        <source>{device} {params}: refused: {error}</source>
        <translation>{device} {params}：被拒绝：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="44"/>
        <source>the device ack latency p95 (seconds, command sent → accepted/done)</source>
        <translation>设备确认延迟 p95（秒，从命令发出到被接受/完成）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="46"/>
        <source>the model&apos;s time to first token p95 (seconds)</source>
        <translation>模型首个词元时间 p95（秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="47"/>
        <source>GPU memory in use as a share of the card (0..1)</source>
        <translation>已用 GPU 显存占整卡的比例（0..1）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="48"/>
        <source>the remote engine&apos;s share of failed requests (0..1)</source>
        <translation>远程引擎失败请求的比例（0..1）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="173"/>
        <source>line {line}, rule {rule}: {what}. {fix}</source>
        <translation>第 {line} 行，规则 {rule}：{what}。{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="174"/>
        <source>line {line}: {what}. {fix}</source>
        <translation>第 {line} 行：{what}。{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="175"/>
        <source>the file, rule {rule}: {what}. {fix}</source>
        <translation>文件中规则 {rule}：{what}。{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="176"/>
        <source>the file: {what}. {fix}</source>
        <translation>文件：{what}。{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="177"/>
        <source>{what}. {fix}</source>
        <translation>{what}。{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="240"/>
        <source>this is not valid TOML ({error})</source>
        <translation>这不是有效的 TOML（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="242"/>
        <source>Fix the syntax there (a missing quote or bracket is usual); no rule runs until the file reads.</source>
        <translation>请修正该处语法（通常是缺了引号或括号）；文件能读取之前，任何规则都不会运行。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="247"/>
        <source>unknown table or key {key}</source>
        <translation>未知的表或键 {key}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="248"/>
        <source>Only [settings] and [[rule]] tables belong here; remove it.</source>
        <translation>这里只能有 [settings] 和 [[rule]] 表；请删除它。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="254"/>
        <source>unknown setting {key}</source>
        <translation>未知的设置 {key}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="255"/>
        <source>Known settings: {names}.</source>
        <translation>已知的设置：{names}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="261"/>
        <source>broker_down_after_s must be a number of seconds &gt;= 0, not {value}</source>
        <translation>broker_down_after_s 必须是 &gt;= 0 的秒数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="263"/>
        <source>Write e.g. broker_down_after_s = 10.</source>
        <translation>例如写 broker_down_after_s = 10。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="266"/>
        <source>&apos;rule&apos; must be an array of tables</source>
        <translation>&apos;rule&apos; 必须是表数组</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="267"/>
        <source>Write each rule under its own [[rule]] header.</source>
        <translation>请把每条规则写在各自的 [[rule]] 标题下。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="275"/>
        <source>the id {id} is used by an earlier rule</source>
        <translation>id {id} 已被前面的规则使用</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="277"/>
        <source>Give each rule its own id.</source>
        <translation>请给每条规则一个独立的 id。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="294"/>
        <source>{path} cannot be read ({error})</source>
        <translation>无法读取 {path}（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="295"/>
        <source>Check the file&apos;s permissions and that it is UTF-8 text.</source>
        <translation>请检查文件权限，并确认它是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="304"/>
        <source>a rule must be a table</source>
        <translation>规则必须是一个表</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="305"/>
        <source>Write it under a [[rule]] header.</source>
        <translation>请把它写在 [[rule]] 标题下。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="313"/>
        <source>id must be 1 to 64 letters, digits or - _ . :, not {value}</source>
        <translation>id 必须由 1 到 64 个字母、数字或 - _ . : 组成，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="314"/>
        <source>Write e.g. id = &quot;line-a-hot&quot;.</source>
        <translation>例如写 id = &quot;line-a-hot&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="320"/>
        <source>kind must be one of {names}, not {value}</source>
        <translation>kind 必须是 {names} 之一，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="321"/>
        <source>Write e.g. kind = &quot;threshold&quot;.</source>
        <translation>例如写 kind = &quot;threshold&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="326"/>
        <source>{key} is not a field of {kind} rules</source>
        <translation>{key} 不是 {kind} 规则的字段</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="327"/>
        <source>Remove it; {kind} rules take {names}.</source>
        <translation>请删除它；{kind} 规则可用的字段有 {names}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="331"/>
        <source>severity must be one of {names}, not {value}</source>
        <translation>severity 必须是 {names} 之一，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="333"/>
        <source>Write e.g. severity = &quot;warning&quot;.</source>
        <translation>例如写 severity = &quot;warning&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="338"/>
        <source>enabled must be true or false, not {value}</source>
        <translation>enabled 必须是 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="339"/>
        <source>Write enabled = true or enabled = false.</source>
        <translation>请写 enabled = true 或 enabled = false。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="345"/>
        <source>{key} must be a number of seconds &gt;= 0, not {value}</source>
        <translation>{key} 必须是 &gt;= 0 的秒数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="346"/>
        <source>Write e.g. {key} = 60.</source>
        <translation>例如写 {key} = 60。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="353"/>
        <source>{key} must be a whole number &gt;= 1, not {value}</source>
        <translation>{key} 必须是 &gt;= 1 的整数，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="354"/>
        <source>Write e.g. {key} = 3.</source>
        <translation>例如写 {key} = 3。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="362"/>
        <source>a threshold rule needs the capability it watches</source>
        <translation>阈值规则需要指明它监视的能力</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="363"/>
        <source>Write e.g. capability = &quot;temp&quot;.</source>
        <translation>例如写 capability = &quot;temp&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="369"/>
        <source>metric must be one of {names}, not {value}</source>
        <translation>metric 必须是 {names} 之一，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="371"/>
        <source>Write e.g. metric = &quot;ttft_p95_s&quot;.</source>
        <translation>例如写 metric = &quot;ttft_p95_s&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="375"/>
        <source>{kind} rules need after_s, the seconds before they fire</source>
        <translation>{kind} 规则需要 after_s，即触发前等待的秒数</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="376"/>
        <source>Write e.g. after_s = 60.</source>
        <translation>例如写 after_s = 60。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="380"/>
        <source>message must be text</source>
        <translation>message 必须是文本</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="381"/>
        <source>Write e.g. message = &quot;check the cooling&quot;.</source>
        <translation>例如写 message = &quot;check the cooling&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="393"/>
        <source>a metric rule fires above a level, it takes no &apos;below&apos;</source>
        <translation>指标规则在高于某值时触发，不接受 &apos;below&apos;</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="394"/>
        <source>Use above = ... instead.</source>
        <translation>请改用 above = ...。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="397"/>
        <source>a threshold rule needs exactly one of above or below</source>
        <translation>阈值规则必须且只能有 above 或 below 之一</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="398"/>
        <source>Write e.g. above = 30.0 (or below = 5.0).</source>
        <translation>例如写 above = 30.0（或 below = 5.0）。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="402"/>
        <source>{key} must be a number, not {value}</source>
        <translation>{key} 必须是数字，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="403"/>
        <source>Write e.g. {key} = 30.0.</source>
        <translation>例如写 {key} = 30.0。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="407"/>
        <source>clear ({clear}) must be at or below above ({above}): it is where the alert ends</source>
        <translation>clear（{clear}）必须不高于 above（{above}）：告警在该值处结束</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="409"/>
        <location filename="../../console/core/alerts/rules.py" line="414"/>
        <source>Write e.g. clear = {value}.</source>
        <translation>例如写 clear = {value}。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="412"/>
        <source>clear ({clear}) must be at or above below ({below}): it is where the alert ends</source>
        <translation>clear（{clear}）必须不低于 below（{below}）：告警在该值处结束</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="422"/>
        <source>action must be a table</source>
        <translation>action 必须是一个表</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="423"/>
        <source>Write [rule.action] with device = &quot;...&quot; and set = { ... }.</source>
        <translation>请写 [rule.action]，并带上 device = &quot;...&quot; 和 set = { ... }。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="427"/>
        <source>unknown action field(s) {names}</source>
        <translation>未知的 action 字段 {names}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="428"/>
        <source>An action takes device, set, act_without_asking.</source>
        <translation>action 只接受 device、set、act_without_asking。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="431"/>
        <source>the action needs the device it commands</source>
        <translation>action 需要指明它控制的设备</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="432"/>
        <source>Write device = &quot;fan-line-a&quot;, or device = &quot;{this}&quot;.</source>
        <translation>请写 device = &quot;fan-line-a&quot;，或 device = &quot;{this}&quot;。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="435"/>
        <source>the action needs the values it sets</source>
        <translation>action 需要指明它设置的值</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="436"/>
        <source>Write e.g. set = { power = true }.</source>
        <translation>例如写 set = { power = true }。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="439"/>
        <source>action values must be true/false, numbers or text</source>
        <translation>action 的值必须是 true/false、数字或文本</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="440"/>
        <source>Write e.g. set = { power = true, speed = &quot;high&quot; }.</source>
        <translation>例如写 set = { power = true, speed = &quot;high&quot; }。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="443"/>
        <source>act_without_asking must be true or false</source>
        <translation>act_without_asking 必须是 true 或 false</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="444"/>
        <source>Write act_without_asking = false.</source>
        <translation>请写 act_without_asking = false。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="453"/>
        <source>{key} must be a list of names, not {value}</source>
        <translation>{key} 必须是名称列表，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="455"/>
        <source>Write e.g. {key} = [&quot;line-a&quot;].</source>
        <translation>例如写 {key} = [&quot;line-a&quot;]。</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="506"/>
        <source>the id {id} is used by another rule</source>
        <translation>id {id} 已被另一条规则使用</translation>
    </message>
    <message>
        <location filename="../../console/core/alerts/rules.py" line="508"/>
        <source>Give this rule its own id.</source>
        <translation>请给这条规则一个独立的 id。</translation>
    </message>
</context>
<context>
    <name>CommandState</name>
    <message>
        <location filename="../../console/core/commands/wording.py" line="29"/>
        <source>QUEUED</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="30"/>
        <source>SENT</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="31"/>
        <source>DELIVERED</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="32"/>
        <source>ACCEPTED</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="33"/>
        <source>SUCCEEDED</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="34"/>
        <source>REJECTED</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="35"/>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="36"/>
        <source>TIMEOUT</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="37"/>
        <source>EXPIRED</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../console/core/commands/wording.py" line="38"/>
        <source>CANCELLED</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="132"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="180"/>
        <source>Open commands from before this console kept one outbox per broker could not be moved out of the old shared outbox: {e}. None of them is sent; the move is tried again at the next start. Free the path, or move the file away, then restart.</source>
        <translation>无法将启用“每个代理一个发件队列”之前未完成的命令移出旧的共享发件队列：{e}。这些命令均不会发送；下次启动时将再次尝试移出。请释放该路径或将该文件移走，然后重新启动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="184"/>
        <source>The old shared outbox could not be sorted out: see the warning (retried at the next start)</source>
        <translation>旧的共享发件队列未能整理：请查看警告（下次启动时重试）</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="187"/>
        <source>Your risk and exposure choices for Home Assistant devices could not be read: {e}</source>
        <translation>无法读取您为 Home Assistant 设备设定的风险与暴露选择：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="189"/>
        <source>Device risk/exposure choices could not be read and were set aside: see the warning</source>
        <translation>设备风险/暴露选择无法读取，已另存：请查看警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="199"/>
        <source>{n} command(s) were still open from before this console kept one outbox per broker. The broker they were for was not recorded, so none was sent again. Check those devices and send again what is still wanted: Devices → Audit log → Unassigned lists them and sends one again on this site, once you confirm it.</source>
        <translation>有 {n} 条命令在本控制台改为每个 MQTT 代理各用一个发件队列之前仍未完成。由于未记录它们所属的代理，这些命令均未重新发送。请检查相关设备，并重新发送仍需要的命令：“设备 → 审计日志 → 未分配”中列出了这些命令，经您确认后可在本站点逐条重新发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="204"/>
        <source>… and {k} more</source>
        <translation>… 另有 {k} 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="207"/>
        <source>{n} open command(s) from before the upgrade were not sent again: see Devices → Audit log → Unassigned</source>
        <translation>升级前未完成的 {n} 条命令未重新发送：请查看“设备 → 审计日志 → 未分配”</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="231"/>
        <source>Start-up failed: {m}</source>
        <translation>启动失败：{m}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="216"/>
        <location filename="../../console/ui/shell/qt_app.py" line="233"/>
        <source>AutoGLM Console</source>
        <translation>AutoGLM 控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="241"/>
        <source>no command pipeline: nothing can be sent</source>
        <translation>命令管道不可用：无法发送任何命令</translation>
    </message>
</context>
<context>
    <name>Doctor</name>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="25"/>
        <source>Broker limits</source>
        <translation>代理限制</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="26"/>
        <location filename="../../console/core/envcheck/checks.py" line="30"/>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="29"/>
        <source>Broker</source>
        <translation>消息代理</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="81"/>
        <source>a QoS 1 subscriber gets every retained device meta</source>
        <translation>QoS 1 订阅者能收到每台设备保留的元数据</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="85"/>
        <source>could not read the retained metas</source>
        <translation>无法读取保留的元数据</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="88"/>
        <source>no retained device metas under &apos;{prefix}/&apos; yet: nothing to compare</source>
        <translation>&apos;{prefix}/&apos; 下尚无保留的设备元数据：无从比较</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="94"/>
        <source>a QoS 1 subscriber got all {total} retained device metas</source>
        <translation>QoS 1 订阅者收到了全部 {total} 条保留的设备元数据</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="97"/>
        <source>The broker drops messages past its per-client limits: a plain QoS 1 subscriber got {got} of {total} device metas (Mosquitto&apos;s defaults: max_inflight_messages 20, max_queued_messages 1000). This console copes (it reads meta/state/status at QoS 0 in stages and fetches what is missing again), but other clients and older consoles miss devices. In mosquitto.conf set max_queued_messages 0 (no limit) or at least {queued} (3 messages per device), and max_inflight_messages 0; then restart Mosquitto. See docs/DEPLOYMENT.md, &quot;Broker limits&quot;.</source>
        <translation>代理超出每客户端上限后会丢弃消息：普通 QoS 1 订阅者只收到 {total} 条设备元数据中的 {got} 条（Mosquitto 默认：max_inflight_messages 20，max_queued_messages 1000）。本控制台能应对（它以 QoS 0 分阶段读取 meta/state/status，并重新获取缺失的部分），但其他客户端和旧版控制台会漏掉设备。请在 mosquitto.conf 中设置 max_queued_messages 0（不限）或至少 {queued}（每台设备 3 条消息），以及 max_inflight_messages 0，然后重启 Mosquitto。参见 docs/DEPLOYMENT.md 的“Broker limits”。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/broker_limits.py" line="104"/>
        <source>a QoS 1 subscriber got {got} of {total} retained device metas</source>
        <translation>QoS 1 订阅者收到了 {total} 条保留的设备元数据中的 {got} 条</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="27"/>
        <location filename="../../console/core/envcheck/python_env.py" line="28"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="27"/>
        <source>Packages</source>
        <translation>软件包</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="28"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="28"/>
        <source>Quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="29"/>
        <location filename="../../console/core/envcheck/model_checks.py" line="15"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="29"/>
        <location filename="../../console/core/envcheck/remote_checks.py" line="23"/>
        <source>Model server</source>
        <translation>模型服务器</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="30"/>
        <source>Disk</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="31"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/checks.py" line="31"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="63"/>
        <location filename="../../console/core/envcheck/child.py" line="66"/>
        <source>cannot load {target}: {error}</source>
        <translation>无法加载 {target}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="156"/>
        <source>{check}: stopped (the doctor was closed)</source>
        <translation>{check}：已停止（体检已关闭）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="159"/>
        <source>{check}: no answer within {s} s (stopped)</source>
        <translation>{check}：{s} 秒内无响应（已停止）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="161"/>
        <location filename="../../console/core/envcheck/runner.py" line="113"/>
        <source>finishes within {s} s</source>
        <translation>在 {s} 秒内完成</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="162"/>
        <source>Something hangs in this check (a GPU driver call, a damaged install): it was stopped. Run the doctor again; if it repeats, `nvidia-smi` and the log say more.</source>
        <translation>此项检查卡住了（GPU 驱动调用或安装损坏）：已停止。请再运行一次体检；如果重复出现，`nvidia-smi` 和日志会给出更多信息。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="168"/>
        <source>{check}: the check process died (exit code {rc})</source>
        <translation>{check}：检查进程已终止（退出码 {rc}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="170"/>
        <source>an answer</source>
        <translation>有结果返回</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="171"/>
        <source>Its last words: {words}. A crash here (e.g. a segfault in a driver library) is itself the finding: reinstall the library it names.</source>
        <translation>它最后的输出：{words}。此处崩溃（例如驱动库段错误）本身就是问题所在：请重新安装它提到的库。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/child.py" line="174"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="59"/>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="95"/>
        <source>Driver vs torch CUDA</source>
        <translation>驱动与 torch CUDA</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="98"/>
        <source>torch is a CPU build</source>
        <translation>torch 是 CPU 版本</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="99"/>
        <location filename="../../console/core/envcheck/cuda.py" line="211"/>
        <source>a CUDA build of torch</source>
        <translation>CUDA 版的 torch</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="101"/>
        <source>torch built for CUDA {cuda}; no NVIDIA driver found</source>
        <translation>torch 为 CUDA {cuda} 构建；未找到 NVIDIA 驱动</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="103"/>
        <source>a driver supporting CUDA &gt;= {cuda}</source>
        <translation>支持 CUDA &gt;= {cuda} 的驱动</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="104"/>
        <source>driver supports CUDA &lt;= {driver_cuda} (driver {driver}); torch built for CUDA {cuda}</source>
        <translation>驱动支持 CUDA &lt;= {driver_cuda}（驱动 {driver}）；torch 为 CUDA {cuda} 构建</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="106"/>
        <source>driver supports CUDA &lt;= {driver_cuda}; torch built for CUDA {cuda}</source>
        <translation>驱动支持 CUDA &lt;= {driver_cuda}；torch 为 CUDA {cuda} 构建</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="108"/>
        <source>driver CUDA &gt;= {cuda}</source>
        <translation>驱动 CUDA &gt;= {cuda}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="112"/>
        <source>Update the NVIDIA driver to {need} or newer (the first with CUDA {cuda})</source>
        <translation>将 NVIDIA 驱动升级到 {need} 或更新版本（首个支持 CUDA {cuda} 的版本）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="113"/>
        <source>Update the NVIDIA driver to one that supports CUDA {cuda}</source>
        <translation>将 NVIDIA 驱动升级到支持 CUDA {cuda} 的版本</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="116"/>
        <source>{fix}, or install a torch built for CUDA &lt;= {driver_cuda}: pip install --force-reinstall torch --index-url {index}</source>
        <translation>{fix}，或安装为 CUDA &lt;= {driver_cuda} 构建的 torch：pip install --force-reinstall torch --index-url {index}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="119"/>
        <source>torch&apos;s CUDA {cuda} build needs a newer driver than this one (CUDA {driver_cuda}) (CUDA&apos;s minor-version compatibility may let it start, but PTX JIT and newer runtime features then fail mid-run). {fix}.</source>
        <translation>torch 的 CUDA {cuda} 版本需要比当前驱动（CUDA {driver_cuda}）更新的驱动（CUDA 次版本兼容性可能让它启动，但 PTX JIT 和较新的运行时功能会在运行中失败）。{fix}。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="122"/>
        <source>torch&apos;s CUDA {cuda} build needs a newer driver than this one (CUDA {driver_cuda}). {fix}.</source>
        <translation>torch 的 CUDA {cuda} 版本需要比当前驱动（CUDA {driver_cuda}）更新的驱动。{fix}。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="135"/>
        <source>Compute capability ({gpu})</source>
        <translation>计算能力（{gpu}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="137"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="138"/>
        <source>an architecture torch was built for</source>
        <translation>torch 构建时支持的架构</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="142"/>
        <source>{cc}; torch reports no CUDA architectures</source>
        <translation>{cc}；torch 未报告任何 CUDA 架构</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="154"/>
        <source>one of {archs}</source>
        <translation>以下之一：{archs}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="160"/>
        <source>{cc}, runs the sm_{sm} kernels</source>
        <translation>{cc}，运行 sm_{sm} 内核</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="163"/>
        <source>torch {version}</source>
        <translation>torch 版本 {version}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="164"/>
        <source>this torch</source>
        <translation>当前 torch</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="166"/>
        <source>{cc}, only PTX compute_{sm}</source>
        <translation>{cc}，只有 PTX compute_{sm}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="168"/>
        <source>{torch} has no compiled kernels for sm_{sm}: they are JIT-compiled from PTX at first use (slow first start, possibly slower kernels). Install a torch build that lists sm_{sm} (a newer CUDA variant from https://download.pytorch.org/whl/).</source>
        <translation>{torch} 没有为 sm_{sm} 编译的内核：首次使用时从 PTX 即时编译（首次启动慢，内核可能更慢）。请安装包含 sm_{sm} 的 torch 版本（https://download.pytorch.org/whl/ 上较新的 CUDA 变体）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="173"/>
        <source>{torch} has no kernels for sm_{sm} ({gpu}): CUDA calls will fail with &apos;no kernel image is available&apos;. Install a torch build that includes sm_{sm} (newer GPUs need newer CUDA variants, e.g. cu128 for sm_120) or, for old GPUs, an older torch.</source>
        <translation>{torch} 没有 sm_{sm}（{gpu}）的内核：CUDA 调用将以“no kernel image is available”失败。请安装包含 sm_{sm} 的 torch 版本（新 GPU 需要较新的 CUDA 变体，例如 sm_120 需要 cu128），旧 GPU 则安装较旧的 torch。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="180"/>
        <source>GPU {index} memory</source>
        <translation>GPU {index} 显存</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="181"/>
        <source>{gpu}: {free} GiB free of {total} GiB</source>
        <translation>{gpu}：{total} GiB 中可用 {free} GiB</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="185"/>
        <source>most of the memory free</source>
        <translation>大部分显存空闲</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="188"/>
        <source>Other processes hold {used} GiB: `nvidia-smi` lists them; stop those you do not need before loading a model.</source>
        <translation>其他进程占用了 {used} GiB：`nvidia-smi` 会列出它们；加载模型前请停止不需要的进程。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="198"/>
        <source>install a CUDA build of torch: pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu126 (pick the variant your driver supports)</source>
        <translation>安装 CUDA 版的 torch：pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cu126（选择驱动支持的版本）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="202"/>
        <source>torch is not importable: {error}</source>
        <translation>无法导入 torch：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="203"/>
        <source>torch with CUDA</source>
        <translation>带 CUDA 的 torch</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="204"/>
        <source>Install torch first (see the Packages checks).</source>
        <translation>请先安装 torch（见“软件包”检查）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="206"/>
        <source>available: {n} GPU(s), torch CUDA {cuda}</source>
        <translation>可用：{n} 个 GPU，torch CUDA {cuda}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="209"/>
        <source>torch {version} is a CPU build; NVIDIA GPU present</source>
        <translation>torch {version} 是 CPU 版本；存在 NVIDIA GPU</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="212"/>
        <source>The GPU sits idle and models run on the CPU: {install}.</source>
        <translation>GPU 闲置，模型在 CPU 上运行：{install}。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="216"/>
        <source>GPU present but torch cannot use it: {why}</source>
        <translation>存在 GPU 但 torch 无法使用：{why}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="218"/>
        <source>See the driver row below; a driver older than torch&apos;s CUDA is the usual cause. Also check that /dev/nvidia* exist and CUDA_VISIBLE_DEVICES is not empty.</source>
        <translation>见下方驱动一行；通常原因是驱动比 torch 的 CUDA 旧。另请检查 /dev/nvidia* 是否存在，以及 CUDA_VISIBLE_DEVICES 是否为空。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="222"/>
        <source>no NVIDIA driver</source>
        <translation>没有 NVIDIA 驱动</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="223"/>
        <source>the driver reports no GPU</source>
        <translation>驱动报告没有 GPU</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="224"/>
        <source>torch {version} is a CPU build</source>
        <translation>torch {version} 是 CPU 版本</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="226"/>
        <source>torch built for CUDA {cuda}</source>
        <translation>torch 为 CUDA {cuda} 构建</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="227"/>
        <source>no CUDA ({why}; {build})</source>
        <translation>没有 CUDA（{why}；{build}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="228"/>
        <source>a CUDA GPU</source>
        <translation>有 CUDA GPU</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="229"/>
        <source>Models run on the CPU: fine for the bundled 135M model, far too slow for GLM-size models. On a GPU workstation install the NVIDIA driver, then {install}.</source>
        <translation>模型在 CPU 上运行：对自带的 135M 模型足够，对 GLM 规模的模型则太慢。在 GPU 工作站上请先安装 NVIDIA 驱动，然后{install}。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="234"/>
        <location filename="../../console/core/envcheck/cuda.py" line="239"/>
        <source>NVIDIA driver</source>
        <translation>NVIDIA 驱动</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="235"/>
        <source>not found ({why})</source>
        <translation>未找到（{why}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="236"/>
        <source>NVML unavailable</source>
        <translation>NVML 不可用</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="237"/>
        <source>an NVIDIA driver (for GPU inference)</source>
        <translation>NVIDIA 驱动（用于 GPU 推理）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="240"/>
        <source>{driver}, supports CUDA &lt;= {cuda}</source>
        <translation>{driver}，支持 CUDA &lt;= {cuda}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="242"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="246"/>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="246"/>
        <source>none found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="247"/>
        <source>a CUDA GPU (optional)</source>
        <translation>CUDA GPU（可选）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/cuda.py" line="259"/>
        <source>nvidia-ml-py is not installed</source>
        <translation>未安装 nvidia-ml-py</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="15"/>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="25"/>
        <location filename="../../console/core/envcheck/disk.py" line="75"/>
        <source>{label} free space</source>
        <translation>{label}可用空间</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="26"/>
        <source>{gib} GiB free in {path}</source>
        <translation>{path} 中可用 {gib} GiB</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="27"/>
        <source>&gt;= {gib} GiB ({why})</source>
        <translation>&gt;= {gib} GiB（{why}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="28"/>
        <source>Free space on that disk, or move the directory: set {env} to a folder on a larger disk.</source>
        <translation>请清理该磁盘的空间，或移动该目录：将 {env} 设为更大磁盘上的文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="55"/>
        <source>{label} write access</source>
        <translation>{label}写权限</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="58"/>
        <source>{file} is a file, not a folder</source>
        <translation>{file} 是文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="60"/>
        <source>Move the file away (e.g. mv &apos;{file}&apos; &apos;{file}.old&apos;) or point {env} at a folder.</source>
        <translation>请把该文件移走（例如 mv &apos;{file}&apos; &apos;{file}.old&apos;），或把 {env} 指向一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="64"/>
        <source>Give this user write access (chown/chmod) or point {env} at a writable folder.</source>
        <translation>请给此用户写权限（chown/chmod），或将 {env} 指向可写的文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="67"/>
        <source>{path} is writable</source>
        <translation>{path} 可写</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="76"/>
        <source>readable disk usage</source>
        <translation>可读取磁盘用量</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="77"/>
        <source>Check the path or point {env} elsewhere.</source>
        <translation>请检查路径，或将 {env} 指向别处。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="97"/>
        <source>Model cache</source>
        <translation>模型缓存</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="98"/>
        <source>room for a 9B model</source>
        <translation>可容纳 9B 模型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="99"/>
        <source>Data dir</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/disk.py" line="100"/>
        <source>outbox, logs, telemetry</source>
        <translation>发件箱、日志、遥测</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="20"/>
        <source>Install the X11 libraries Qt&apos;s xcb plugin needs (Debian: apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 libegl1), check that DISPLAY points at a running X server, or run headless with QT_QPA_PLATFORM=offscreen.</source>
        <translation>安装 Qt 的 xcb 插件所需的 X11 库（Debian：apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0 libegl1），确认 DISPLAY 指向正在运行的 X 服务器，或以 QT_QPA_PLATFORM=offscreen 无界面运行。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="40"/>
        <source>no answer within {s} s</source>
        <translation>{s} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="53"/>
        <source>Qt platform plugin</source>
        <translation>Qt 平台插件</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="54"/>
        <source>a platform plugin that loads (xcb/wayland with a display, offscreen headless)</source>
        <translation>能加载的平台插件（有显示器时用 xcb/wayland，无界面时用 offscreen）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="56"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="57"/>
        <source>default, no display</source>
        <translation>默认，无显示器</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="60"/>
        <location filename="../../console/core/envcheck/display_platform.py" line="73"/>
        <source>{platform}: {error}</source>
        <translation>{platform}：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="62"/>
        <source>Starting Qt hangs: check the display connection (DISPLAY, xhost) or use QT_QPA_PLATFORM=offscreen.</source>
        <translation>Qt 启动时卡住：请检查显示连接（DISPLAY、xhost）或使用 QT_QPA_PLATFORM=offscreen。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="66"/>
        <source>exit code {rc}</source>
        <translation>退出码 {rc}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="68"/>
        <source>Qt cannot use platform &apos;{requested}&apos;: unset QT_QPA_PLATFORM or pick one it lists in the message.</source>
        <translation>Qt 无法使用平台“{requested}”：请取消设置 QT_QPA_PLATFORM，或从消息列出的平台中选择一个。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="71"/>
        <source>PySide6 is not importable: pip install &apos;PySide6-Essentials&gt;=6.8,&lt;6.12&apos;.</source>
        <translation>无法导入 PySide6：pip install &apos;PySide6-Essentials&gt;=6.8,&lt;6.12&apos;。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="79"/>
        <source>no display; the offscreen plugin works: {value}</source>
        <translation>没有显示器；offscreen 插件可用：{value}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="81"/>
        <source>No DISPLAY/WAYLAND_DISPLAY: the window cannot open here. Run the console on a desktop session (or under Xvfb); headless runs need QT_QPA_PLATFORM=offscreen.</source>
        <translation>没有 DISPLAY/WAYLAND_DISPLAY：这里无法打开窗口。请在桌面会话中（或在 Xvfb 下）运行控制台；无界面运行需要 QT_QPA_PLATFORM=offscreen。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="89"/>
        <source>OpenGL (graphs)</source>
        <translation>OpenGL（图表）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="90"/>
        <source>an OpenGL context (faster graphs)</source>
        <translation>OpenGL 上下文（图表更快）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="92"/>
        <source>not tried: Qt did not start</source>
        <translation>未尝试：Qt 未能启动</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="99"/>
        <source>The graphs draw without OpenGL (pyqtgraph&apos;s raster painting: fine, slower with many points). For OpenGL install the Mesa/GPU driver libraries (Debian: apt-get install libgl1 libegl1 libgl1-mesa-dri); the offscreen platform often has none, a desktop session does.</source>
        <translation>图表可以不用 OpenGL 绘制（pyqtgraph 的光栅绘制：可用，点多时较慢）。如需 OpenGL，请安装 Mesa/GPU 驱动库（Debian：apt-get install libgl1 libegl1 libgl1-mesa-dri）；offscreen 平台通常没有 OpenGL，桌面会话有。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="103"/>
        <source>The graphs draw without OpenGL (pyqtgraph&apos;s raster painting: fine, slower with many points). For OpenGL install the Mesa/GPU driver libraries (Debian: apt-get install libgl1 libegl1 libgl1-mesa-dri).</source>
        <translation>图表可以不用 OpenGL 绘制（pyqtgraph 的光栅绘制：可用，点多时较慢）。如需 OpenGL，请安装 Mesa/GPU 驱动库（Debian：apt-get install libgl1 libegl1 libgl1-mesa-dri）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/display_platform.py" line="106"/>
        <source>not available on &apos;{platform}&apos;: {error}</source>
        <translation>在“{platform}”上不可用：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/guard.py" line="41"/>
        <source>{group}: {dist}</source>
        <translation>{group}：{dist}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/guard.py" line="43"/>
        <source>cannot run: the package {dist} is not installed (no module {module})</source>
        <translation>无法运行：未安装软件包 {dist}（没有模块 {module}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/guard.py" line="45"/>
        <source>{dist} installed</source>
        <translation>已安装 {dist}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/guard.py" line="46"/>
        <source>Install the project&apos;s dependencies: {setup} (or in the venv: pip install {dist}).</source>
        <translation>请安装项目依赖：{setup}（或在虚拟环境中执行：pip install {dist}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="17"/>
        <source>{first}, or {then}</source>
        <translation>{first}，或{then}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="18"/>
        <source>Model files</source>
        <translation>模型文件</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="18"/>
        <source>Model config</source>
        <translation>模型配置</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="18"/>
        <source>Model memory</source>
        <translation>模型内存</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="43"/>
        <source>no model configured and the bundled model is not fetched</source>
        <translation>未配置模型，且尚未获取自带模型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="45"/>
        <source>a model folder, GGUF file or hub id</source>
        <translation>模型文件夹、GGUF 文件或 Hub ID</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="46"/>
        <source>Fetch the bundled model (autoglm-console fetch-model) or pick a model in the Model tab.</source>
        <translation>获取自带模型（autoglm-console fetch-model），或在“模型”页选择一个模型。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="59"/>
        <source>{source}: not in the local Hugging Face cache ({error})</source>
        <translation>{source}：不在本地 Hugging Face 缓存中（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="61"/>
        <source>files on this machine</source>
        <translation>本机上的文件</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="62"/>
        <source>The console never downloads at run time: fetch it once with `hf download {source}` (or copy the folder here) and pick the folder.</source>
        <translation>控制台运行时从不下载：请用 `hf download {source}` 获取一次（或把文件夹复制到本机），然后选择该文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="66"/>
        <source>{source} (HF cache): {value}</source>
        <translation>{source}（HF 缓存）：{value}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="68"/>
        <source>Check the path in the Model tab (or --model).</source>
        <translation>请检查“模型”页（或 --model）中的路径。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="70"/>
        <source>Check the path in the Model tab (or --model). It is the bundled model: `autoglm-console fetch-model` puts it in {path}; pick that file.</source>
        <translation>请检查“模型”页（或 --model）中的路径。这是自带模型：`autoglm-console fetch-model` 会把它放到 {path}；请选择该文件。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="73"/>
        <source>{source}: no such file or folder</source>
        <translation>{source}：没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="74"/>
        <source>a model folder, GGUF file or hub id (org/name)</source>
        <translation>模型文件夹、GGUF 文件或 Hub ID（组织/名称）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="82"/>
        <source>{path}: not a GGUF file (starts with {magic})</source>
        <translation>{path}：不是 GGUF 文件（开头为 {magic}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="85"/>
        <source>a .gguf file or a model folder</source>
        <translation>.gguf 文件或模型文件夹</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="86"/>
        <source>The file is damaged or not a model: fetch it again (autoglm-console fetch-model for the bundled one).</source>
        <translation>文件已损坏或不是模型：请重新获取（自带模型用 autoglm-console fetch-model）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="88"/>
        <source>GGUF file {name}, {mib} MiB</source>
        <translation>GGUF 文件 {name}，{mib} MiB</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="89"/>
        <source>weights present</source>
        <translation>权重文件齐全</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="95"/>
        <source>config.json, weights (*.safetensors or *.bin), tokenizer</source>
        <translation>config.json、权重（*.safetensors 或 *.bin）、分词器</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="105"/>
        <source>a readable {file} ({error})</source>
        <translation>可读的 {file}（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="110"/>
        <source>weights (*.safetensors)</source>
        <translation>权重（*.safetensors）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="113"/>
        <source>a tokenizer (tokenizer.json / tokenizer.model)</source>
        <translation>分词器（tokenizer.json / tokenizer.model）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="119"/>
        <source>{path}: missing {what}</source>
        <translation>{path}：缺少 {what}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="121"/>
        <source>The download is incomplete: fetch the missing files again (hf download &lt;id&gt; --local-dir &lt;folder&gt;).</source>
        <translation>下载不完整：请重新获取缺失的文件（hf download &lt;id&gt; --local-dir &lt;folder&gt;）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="123"/>
        <source>{path}: {n} weight file(s), {gib} GiB, {tokenizer}</source>
        <translation>{path}：{n} 个权重文件，{gib} GiB，{tokenizer}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="135"/>
        <source>a readable config</source>
        <translation>可读的配置</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="136"/>
        <source>The model&apos;s config is damaged: fetch it again.</source>
        <translation>模型配置已损坏：请重新获取。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="142"/>
        <source>GGUF {type}, {millions} M params, {layers} layers</source>
        <translation>GGUF {type}，{millions} M 参数，{layers} 层</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="145"/>
        <source>an architecture transformers can read from GGUF</source>
        <translation>transformers 能从 GGUF 读取的架构</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="147"/>
        <source>transformers cannot load &apos;{type}&apos; GGUF files: use the original safetensors folder of this model, or upgrade transformers (pip install -U transformers).</source>
        <translation>transformers 无法加载“{type}”GGUF 文件：请使用该模型原始的 safetensors 文件夹，或升级 transformers（pip install -U transformers）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="150"/>
        <source>readable</source>
        <translation>可读取</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="153"/>
        <source>{type}, {billions} B params, {layers} layers</source>
        <translation>{type}，{billions} B 参数，{layers} 层</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="155"/>
        <source>a model type transformers knows</source>
        <translation>transformers 认识的模型类型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="157"/>
        <source>{value}, custom code (auto_map)</source>
        <translation>{value}，自定义代码（auto_map）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="158"/>
        <source>This model ships its own Python code (trust_remote_code): read it before loading, or use a version of the model that transformers supports natively (e.g. THUDM/glm-4-9b-chat-hf).</source>
        <translation>此模型自带 Python 代码（trust_remote_code）：加载前请先阅读，或使用 transformers 原生支持的模型版本（例如 THUDM/glm-4-9b-chat-hf）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="166"/>
        <source>{value}; transformers not importable ({error})</source>
        <translation>{value}；无法导入 transformers（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="168"/>
        <source>Install transformers (see the Packages rows).</source>
        <translation>请安装 transformers（见“软件包”各行）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="170"/>
        <source>a model type transformers {version} knows</source>
        <translation>transformers {version} 认识的模型类型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="172"/>
        <source>transformers {version} does not know model_type &apos;{type}&apos;: upgrade it (pip install -U &apos;transformers&lt;6&apos;); GLM-4 needs model_type glm4, added in 4.51.</source>
        <translation>transformers {version} 不认识 model_type“{type}”：请升级（pip install -U &apos;transformers&lt;6&apos;）；GLM-4 需要 model_type glm4，自 4.51 起支持。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="175"/>
        <source>readable, model type known</source>
        <translation>可读，模型类型已知</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="192"/>
        <source>cpu (available RAM, no CUDA)</source>
        <translation>CPU（可用内存，无 CUDA）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="200"/>
        <source> ({quant} needs CUDA: estimated unquantized)</source>
        <translation>（{quant} 需要 CUDA：按未量化估计）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="207"/>
        <source>{verdict}{note}</source>
        <translation>{verdict}{note}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="208"/>
        <source>estimate &lt;= {percent} of free memory</source>
        <translation>估计值 &lt;= 可用内存的 {percent}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="221"/>
        <source>{quant} quantization (about {size})</source>
        <translation>{quant} 量化（约 {size}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="224"/>
        <source>a shorter context (now {tokens} tokens)</source>
        <translation>更短的上下文（当前 {tokens} 个 token）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="226"/>
        <source>a smaller model</source>
        <translation>更小的模型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="228"/>
        <source>freeing GPU memory (nvidia-smi lists who holds it)</source>
        <translation>释放显存（nvidia-smi 会列出占用者）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="234"/>
        <source>Try {options}.</source>
        <translation>请尝试{options}。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="242"/>
        <source>no model files</source>
        <translation>没有模型文件</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="246"/>
        <source>the config is not readable</source>
        <translation>配置不可读</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="250"/>
        <source>a known dtype and quantization</source>
        <translation>已知的 dtype 和量化方式</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="251"/>
        <source>Use dtype fp32/bf16/fp16 and quantization none/int8/4bit.</source>
        <translation>请使用 dtype fp32/bf16/fp16 和量化方式 none/int8/4bit。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/model_checks.py" line="32"/>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="98"/>
        <source>not tried: {why}</source>
        <translation>未尝试：{why}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="33"/>
        <source>a profile: Devices → Connections…, the password saved in the OS keyring, or, without a keyring, typed when the console asks at connect time; --broker or an unattended station: --user with --password-file PATH or $AUTOGLM_MQTT_PASSWORD, never in the URL</source>
        <translation>连接配置：设备 → 连接…，密码保存在系统密钥环中；没有密钥环时，在连接时按控制台提示输入；--broker 或无人值守站点：--user 配合 --password-file 路径或 $AUTOGLM_MQTT_PASSWORD，切勿写在 URL 中</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="40"/>
        <source>The broker refused for an unspecified reason: its log says why.</source>
        <translation>代理以未说明的原因拒绝：原因见其日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="41"/>
        <source>The broker does not speak this MQTT version: set the protocol to 3.1.1 (amqtt speaks only 3.1.1).</source>
        <translation>代理不支持此 MQTT 版本：请将协议设为 3.1.1（amqtt 只支持 3.1.1）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="43"/>
        <source>The broker rejected the client id: use a different one (letters and digits).</source>
        <translation>代理拒绝了客户端 ID：请换一个（字母和数字）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="44"/>
        <source>Wrong user name or password: check both ({where}), or ask the broker&apos;s operator.</source>
        <translation>用户名或密码错误：请检查两者（{where}），或询问代理的管理员。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="46"/>
        <source>The broker does not let this client in: give a user name and password (the broker has allow_anonymous false) or ask its operator to allow this user.</source>
        <translation>代理不允许此客户端接入：请提供用户名和密码（代理设置了 allow_anonymous false），或请管理员允许此用户。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="48"/>
        <source>The broker is not available right now: try again, or check its log.</source>
        <translation>代理暂时不可用：请重试，或查看其日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="49"/>
        <source>The broker is busy: try again later.</source>
        <translation>代理繁忙：请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="50"/>
        <source>This client is banned by the broker: ask its operator.</source>
        <translation>此客户端已被代理封禁：请询问其管理员。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="51"/>
        <source>The broker wants a different authentication method.</source>
        <translation>代理要求其他认证方式。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="52"/>
        <source>The broker rejected the packet size: check its max_packet_size.</source>
        <translation>代理拒绝了数据包大小：请检查其 max_packet_size。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="53"/>
        <source>The broker&apos;s quota is exceeded: try again later or ask its operator.</source>
        <translation>已超出代理配额：请稍后重试或询问其管理员。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="54"/>
        <source>Connecting too often: wait before trying again.</source>
        <translation>连接过于频繁：请稍等再试。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="66"/>
        <source>The broker rejected these credentials: check the user name and password (Mosquitto answers &apos;Not authorized&apos; for a wrong password too; {where}), or ask the broker&apos;s operator whether this user may connect.</source>
        <translation>代理拒绝了这些凭据：请检查用户名和密码（密码错误时 Mosquitto 也回答“Not authorized”；{where}），或询问代理管理员此用户是否允许连接。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="71"/>
        <source>The broker does not accept anonymous clients (allow_anonymous false): give a user name and password ({where}).</source>
        <translation>代理不接受匿名客户端（allow_anonymous false）：请提供用户名和密码（{where}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="73"/>
        <source>The broker refused the connection: its log says why.</source>
        <translation>代理拒绝了连接：原因见其日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="101"/>
        <source>Broker DNS</source>
        <translation>代理 DNS</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="101"/>
        <source>Broker TCP</source>
        <translation>代理 TCP</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="102"/>
        <source>Broker TLS</source>
        <translation>代理 TLS</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="102"/>
        <source>Broker login (CONNACK)</source>
        <translation>代理登录（CONNACK）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="103"/>
        <source>Broker round trip</source>
        <translation>代理往返</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="106"/>
        <source>resolvable</source>
        <translation>可解析</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="107"/>
        <source>accepting connections</source>
        <translation>接受连接</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="113"/>
        <source>{host} is an IP address (no lookup)</source>
        <translation>{host} 是 IP 地址（无需解析）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="119"/>
        <source>The name &apos;{host}&apos; does not resolve: check the spelling in the broker URL, /etc/hosts and the DNS server (resolvectl status / /etc/resolv.conf), or use the broker&apos;s IP address.</source>
        <translation>无法解析名称“{host}”：请检查代理 URL 的拼写、/etc/hosts 和 DNS 服务器（resolvectl status / /etc/resolv.conf），或使用代理的 IP 地址。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="134"/>
        <source>{where}: connection refused</source>
        <translation>{where}：连接被拒绝</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="136"/>
        <source>Nothing listens on {where}: start the broker (Debian: mosquitto -c /etc/mosquitto/mosquitto.conf, or systemctl start mosquitto), and check the port (1883 plain, 8883 TLS).</source>
        <translation>{where} 上没有服务在监听：请启动代理（Debian：mosquitto -c /etc/mosquitto/mosquitto.conf，或 systemctl start mosquitto），并检查端口（1883 明文，8883 TLS）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="140"/>
        <source>{where}: no answer within {s} s</source>
        <translation>{where}：{s} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="142"/>
        <source>The host does not answer: it is down, or a firewall drops the packets on that port.</source>
        <translation>主机没有响应：它已关机，或防火墙丢弃了该端口的数据包。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="146"/>
        <source>The network cannot reach the broker: check the address, routes and firewall.</source>
        <translation>网络无法到达代理：请检查地址、路由和防火墙。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="149"/>
        <source>{where} connected in {ms} ms</source>
        <translation>{where} 在 {ms} 毫秒内连接成功</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="157"/>
        <source>plain MQTT: the password crosses the network unencrypted</source>
        <translation>明文 MQTT：密码以未加密方式经过网络</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="159"/>
        <source>Use TLS (mqtts://host:8883 with the broker&apos;s CA file) for a broker on another machine.</source>
        <translation>代理在另一台机器上时请使用 TLS（mqtts://主机:8883，并提供代理的 CA 文件）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="161"/>
        <source>plain MQTT (mqtt://), no TLS</source>
        <translation>明文 MQTT（mqtt://），无 TLS</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="162"/>
        <source>TLS when the broker is on another machine</source>
        <translation>代理在另一台机器上时使用 TLS</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="163"/>
        <source>handshake with a verified certificate</source>
        <translation>握手成功且证书已验证</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="167"/>
        <source>cannot load the TLS files: {error}</source>
        <translation>无法加载 TLS 文件：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="168"/>
        <source>Check the CA/certificate/key paths in the broker settings (readable PEM files).</source>
        <translation>请检查代理设置中的 CA/证书/私钥路径（可读的 PEM 文件）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="178"/>
        <source>The certificate is not for &apos;{host}&apos;: connect with the name the certificate was issued for, or have the broker&apos;s certificate re-issued with this name in its subjectAltName.</source>
        <translation>证书不是为“{host}”签发的：请用证书签发时的名称连接，或重新签发代理证书，把此名称加入其 subjectAltName。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="182"/>
        <source>The broker&apos;s certificate has expired: renew it on the broker.</source>
        <translation>代理证书已过期：请在代理上续期。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="184"/>
        <source>The broker&apos;s certificate is not signed by a CA this machine trusts: give the broker&apos;s CA file in the broker settings (CA file), or install that CA into the system store (/usr/local/share/ca-certificates + update-ca-certificates).</source>
        <translation>代理证书不是由本机信任的 CA 签发的：请在代理设置中提供代理的 CA 文件（CA 文件），或把该 CA 安装到系统证书库（/usr/local/share/ca-certificates + update-ca-certificates）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="188"/>
        <source>certificate verify failed: {error}</source>
        <translation>证书验证失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="191"/>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="200"/>
        <source>TLS handshake failed: {error}</source>
        <translation>TLS 握手失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="192"/>
        <source>The port may not speak TLS (is it the plain 1883 listener?), or the TLS versions/ciphers do not match: check the broker&apos;s listener settings.</source>
        <translation>该端口可能不支持 TLS（是明文 1883 监听端口吗？），或 TLS 版本/加密套件不匹配：请检查代理的监听设置。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="196"/>
        <source>no TLS answer within {s} s</source>
        <translation>{s} 秒内无 TLS 响应</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="197"/>
        <source>The port accepts TCP but never answers the TLS handshake: it may be a plain MQTT port.</source>
        <translation>该端口接受 TCP 连接但从不响应 TLS 握手：它可能是明文 MQTT 端口。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="201"/>
        <source>The broker closed the connection during the TLS handshake: port {port} is probably a plain MQTT port (1883): use mqtt:// there, or the broker&apos;s TLS port (usually 8883).</source>
        <translation>代理在 TLS 握手期间关闭了连接：端口 {port} 可能是明文 MQTT 端口（1883）：请对它使用 mqtt://，或使用代理的 TLS 端口（通常为 8883）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="210"/>
        <source>{version}, certificate valid for {days} more days</source>
        <translation>{version}，证书还有 {days} 天有效</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="213"/>
        <source>{value} (NOT verified: insecure mode)</source>
        <translation>{value}（未验证：不安全模式）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="214"/>
        <source>Certificate verification is off: anyone on the path can impersonate the broker. Give the broker&apos;s CA file and turn insecure mode off.</source>
        <translation>证书验证已关闭：链路上的任何人都能冒充代理。请提供代理的 CA 文件并关闭不安全模式。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="218"/>
        <source>The broker&apos;s certificate expires soon: renew it.</source>
        <translation>代理证书即将过期：请续期。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="220"/>
        <source>{value}, verified</source>
        <translation>{value}，已验证</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="267"/>
        <source>as &apos;{user}&apos;</source>
        <translation>以“{user}”身份</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="268"/>
        <source>anonymously</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="269"/>
        <source>CONNACK success</source>
        <translation>CONNACK 成功</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="279"/>
        <source>connect failed: {error}</source>
        <translation>连接失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="280"/>
        <source>See the TCP/TLS rows above.</source>
        <translation>请查看上面的 TCP/TLS 行。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="285"/>
        <source>the broker closed the connection</source>
        <translation>代理关闭了连接</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="286"/>
        <source>no answer in {s} s</source>
        <translation>{s} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="287"/>
        <source>no CONNACK ({proto}, {who}): {why}</source>
        <translation>没有 CONNACK（{proto}，{who}）：{why}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="289"/>
        <source>The broker did not answer the MQTT handshake: it may speak another MQTT version (try protocol 3.1.1) or another protocol on this port (TLS port without mqtts://?).</source>
        <translation>代理未响应 MQTT 握手：它可能使用其他 MQTT 版本（试试协议 3.1.1），或该端口使用其他协议（是 TLS 端口但没用 mqtts:// 吗？）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="296"/>
        <source>reason code {code}, MQTT 3.1.1 return code {v311}</source>
        <translation>原因码 {code}，MQTT 3.1.1 返回码 {v311}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="298"/>
        <source>reason code {code}, {proto}</source>
        <translation>原因码 {code}，{proto}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="299"/>
        <source>refused {who}: {reason} ({code})</source>
        <translation>拒绝{who}：{reason}（{code}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="302"/>
        <source>accepted {who} ({proto})</source>
        <translation>已接受，{who}（{proto}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="308"/>
        <source>own messages come back (QoS 1)</source>
        <translation>自己发的消息能收回（QoS 1）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="313"/>
        <source>no SUBACK within {s} s</source>
        <translation>{s} 秒内没有 SUBACK</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="314"/>
        <source>The broker accepted the login but does not answer a subscription: check its log.</source>
        <translation>代理接受了登录但不响应订阅：请查看其日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="318"/>
        <source>subscription to {topic} refused: {reason}</source>
        <translation>订阅 {topic} 被拒绝：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="320"/>
        <source>The broker&apos;s ACL does not let this user subscribe under &apos;{prefix}/&apos;: allow &apos;{prefix}/#&apos; for this user (mosquitto: acl_file).</source>
        <translation>代理的 ACL 不允许此用户订阅“{prefix}/”下的主题：请为此用户允许“{prefix}/#”（mosquitto：acl_file）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="329"/>
        <source>message {n} did not come back within {s} s</source>
        <translation>第 {n} 条消息在 {s} 秒内未返回</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="331"/>
        <source>Published but nothing arrived: the broker&apos;s ACL may drop publishes under &apos;{prefix}/&apos;, or the broker is overloaded.</source>
        <translation>已发布但什么也没收到：代理的 ACL 可能丢弃了“{prefix}/”下的发布，或代理过载。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="338"/>
        <source>min {low} ms, median {med} ms, max {worst} ms over {n} messages</source>
        <translation>{n} 条消息：最小 {low} 毫秒，中位数 {med} 毫秒，最大 {worst} 毫秒</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="350"/>
        <source>the name does not resolve</source>
        <translation>名称无法解析</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="354"/>
        <source>no TCP connection</source>
        <translation>没有 TCP 连接</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="358"/>
        <source>no TLS connection</source>
        <translation>没有 TLS 连接</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="362"/>
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="369"/>
        <source>none configured: demo mode starts an embedded broker on 127.0.0.1</source>
        <translation>未配置：演示模式会在 127.0.0.1 上启动内嵌代理</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/mqtt_checks.py" line="371"/>
        <source>a broker URL (mqtt://host:1883 or mqtts://host:8883)</source>
        <translation>代理 URL（mqtt://host:1883 或 mqtts://host:8883）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="15"/>
        <source>Run the set-up again (`make run`), or in the venv: pip install -e .</source>
        <translation>重新运行安装（`make run`），或在虚拟环境中执行：pip install -e .</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="18"/>
        <source>Home Assistant value and command templates</source>
        <translation>Home Assistant 值模板和命令模板</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="19"/>
        <source>the remote model server&apos;s HTTP client</source>
        <translation>远程模型服务器的 HTTP 客户端</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="20"/>
        <source>memory and process figures</source>
        <translation>内存和进程数据</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="21"/>
        <source>where settings, data and models live</source>
        <translation>设置、数据和模型的存放位置</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="22"/>
        <source>saved broker passwords</source>
        <translation>保存的代理密码</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="23"/>
        <source>the graphs and the model stack</source>
        <translation>图表和模型栈</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="24"/>
        <source>version checks</source>
        <translation>版本检查</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="29"/>
        <location filename="../../console/core/envcheck/quant.py" line="98"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="30"/>
        <source>installed</source>
        <translation>已安装</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="39"/>
        <source>&gt;= {minimum} (recommended {recommended})</source>
        <translation>&gt;= {minimum}（推荐 {recommended}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="43"/>
        <source>Python {v} is too old: install Python {recommended} (Debian 12: apt-get install python3 python3-venv) and re-create the venv.</source>
        <translation>Python {v} 太旧：请安装 Python {recommended}（Debian 12：apt-get install python3 python3-venv）并重新创建虚拟环境。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="49"/>
        <source>Virtual environment</source>
        <translation>虚拟环境</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="50"/>
        <source>a virtual environment</source>
        <translation>虚拟环境</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="56"/>
        <source>system Python ({prefix})</source>
        <translation>系统 Python（{prefix}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="58"/>
        <source>Packages go into the system Python, where they clash with the distribution&apos;s: use the project venv (`make run` creates .venv) or python3 -m venv .venv.</source>
        <translation>软件包会装进系统 Python，与发行版自带的包冲突：请使用项目的虚拟环境（`make run` 会创建 .venv）或执行 python3 -m venv .venv。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="79"/>
        <source>&gt;= {minimum}, recommended {recommended}, &lt; {below}</source>
        <translation>&gt;= {minimum}，推荐 {recommended}，&lt; {below}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="80"/>
        <source>&gt;= {minimum}, recommended {recommended}</source>
        <translation>&gt;= {minimum}，推荐 {recommended}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="85"/>
        <location filename="../../console/core/envcheck/quant.py" line="42"/>
        <source>not installed (optional)</source>
        <translation>未安装（可选）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="86"/>
        <source>Only needed for {why}. To use it: {install}</source>
        <translation>仅用于{why}。如需使用：{install}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="89"/>
        <source>{setup} ({install}).</source>
        <translation>{setup}（{install}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="95"/>
        <source>Unrecognized version string; reinstall with pip.</source>
        <translation>无法识别的版本号；请用 pip 重新安装。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="98"/>
        <source>{name} {installed} is older than the minimum {minimum}: {install}</source>
        <translation>{name} {installed} 低于最低版本 {minimum}：{install}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="103"/>
        <source>{name} {installed} is newer than the tested range (&lt; {below}); if something breaks, install the tested version: pip install &apos;{dist}=={recommended}&apos;</source>
        <translation>{name} {installed} 比测试过的范围（&lt; {below}）更新；如有问题，请安装测试过的版本：pip install &apos;{dist}=={recommended}&apos;</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="110"/>
        <source>Works, but {recommended} is what the project is tested with: {install}</source>
        <translation>可以使用，但项目是用 {recommended} 测试的：{install}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="119"/>
        <source>PySide6 on this Python</source>
        <translation>此 Python 上的 PySide6</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="121"/>
        <source>PySide6 &lt; 6.12 on Python &lt; 3.12</source>
        <translation>Python &lt; 3.12 上 PySide6 &lt; 6.12</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="123"/>
        <source>PySide6 not installed, Python {py}</source>
        <translation>未安装 PySide6，Python {py}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="125"/>
        <source>PySide6 {pyside} on Python {py}</source>
        <translation>Python {py} 上的 PySide6 {pyside}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="130"/>
        <source>Unrecognized PySide6 version; reinstall it.</source>
        <translation>无法识别的 PySide6 版本；请重新安装。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="131"/>
        <source>pip install &apos;PySide6-Essentials==6.11.3&apos; (uninstall PySide6 6.12 first: pip uninstall -y PySide6 PySide6-Essentials PySide6-Addons shiboken6), or use Python 3.12.</source>
        <translation>pip install &apos;PySide6-Essentials==6.11.3&apos;（先卸载 PySide6 6.12：pip uninstall -y PySide6 PySide6-Essentials PySide6-Addons shiboken6），或使用 Python 3.12。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="135"/>
        <source>PySide6 6.12.0 aborts Python 3.11 with &apos;Fatal Python error: bool_dealloc&apos; after a few hundred signal emits (the console dies mid-session). Fix: {fix}</source>
        <translation>PySide6 6.12.0 在几百次信号发射后以“Fatal Python error: bool_dealloc”中止 Python 3.11（控制台会在使用中途退出）。修复：{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="140"/>
        <source>PySide6 6.12 is outside the tested range on Python &lt; 3.12 (6.12.0 crashes 3.11). Fix: {fix}</source>
        <translation>在 Python &lt; 3.12 上 PySide6 6.12 超出测试范围（6.12.0 会使 3.11 崩溃）。修复：{fix}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="163"/>
        <source>OpenTelemetry tracing</source>
        <translation>OpenTelemetry 追踪</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/python_env.py" line="170"/>
        <source>Needed for {why}. Install the project&apos;s dependencies: {setup} (or in the venv: pip install {dist}).</source>
        <translation>{why}需要它。请安装项目依赖：{setup}（或在虚拟环境中执行：pip install {dist}）。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="12"/>
        <source>{version}, import fails: {error}</source>
        <translation>{version}，导入失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="32"/>
        <source>importable, 4-bit round trip on the GPU</source>
        <translation>可导入，GPU 上 4 位往返测试通过</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="33"/>
        <source>only needed for int8/4bit on CUDA</source>
        <translation>仅在 CUDA 上使用 int8/4bit 时需要</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="34"/>
        <source>pip install &apos;bitsandbytes&gt;=0.43&apos; (or the set-up&apos;s [cuda] extra: pip install -e &apos;.[cuda]&apos;)</source>
        <translation>pip install &apos;bitsandbytes&gt;=0.43&apos;（或安装程序的 [cuda] 附加项：pip install -e &apos;.[cuda]&apos;）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="38"/>
        <source>not installed; the model is set to {quant}</source>
        <translation>未安装；模型设置为 {quant}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="40"/>
        <source>Install it ({pip}) or choose quantization &apos;none&apos;.</source>
        <translation>请安装它（{pip}），或选择量化方式“none”。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="43"/>
        <source>Only needed for 8-bit / 4-bit loading on CUDA: {pip}</source>
        <translation>仅在 CUDA 上以 8 位/4 位加载时需要：{pip}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="53"/>
        <source>Reinstall a bitsandbytes that matches this CUDA: pip install --force-reinstall &apos;bitsandbytes&gt;=0.43&apos;.</source>
        <translation>请重新安装与此 CUDA 匹配的 bitsandbytes：pip install --force-reinstall &apos;bitsandbytes&gt;=0.43&apos;。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="57"/>
        <source>{version}, importable; no CUDA to run it on</source>
        <translation>{version}，可导入；没有可运行它的 CUDA</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="59"/>
        <source>8-bit / 4-bit loading needs a CUDA GPU here; on the CPU choose quantization &apos;none&apos;.</source>
        <translation>8 位/4 位加载需要 CUDA GPU；在 CPU 上请选择量化方式“none”。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="62"/>
        <source>{version}, GPU test failed: {error}</source>
        <translation>{version}，GPU 测试失败：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="65"/>
        <source>bitsandbytes cannot run on this GPU/CUDA: reinstall it for this CUDA (pip install --force-reinstall &apos;bitsandbytes&gt;=0.43&apos;) or use quantization &apos;none&apos;.</source>
        <translation>bitsandbytes 无法在此 GPU/CUDA 上运行：请为此 CUDA 重新安装（pip install --force-reinstall &apos;bitsandbytes&gt;=0.43&apos;），或使用量化方式“none”。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="68"/>
        <source>{version}, 4-bit round trip on the GPU works</source>
        <translation>{version}，GPU 上 4 位往返测试正常</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="87"/>
        <source>4-bit round trip error {err} is implausible</source>
        <translation>4 位往返误差 {err} 不合理</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="95"/>
        <source>GGUF support</source>
        <translation>GGUF 支持</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="96"/>
        <source>&gt;= 0.10 (reads GGUF files, the bundled model is one)</source>
        <translation>&gt;= 0.10（读取 GGUF 文件，自带模型就是 GGUF）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="99"/>
        <source>The bundled model and any GGUF file need it: pip install &apos;gguf&gt;=0.10&apos;.</source>
        <translation>自带模型和所有 GGUF 文件都需要它：pip install &apos;gguf&gt;=0.10&apos;。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="103"/>
        <source>Reinstall it: pip install --force-reinstall &apos;gguf&gt;=0.10&apos;.</source>
        <translation>请重新安装：pip install --force-reinstall &apos;gguf&gt;=0.10&apos;。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/quant.py" line="104"/>
        <source>{version}, importable</source>
        <translation>{version}，可导入</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="86"/>
        <source>a folder</source>
        <translation>一个文件夹</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="87"/>
        <source>Move the file away (or set the variable named to another folder), then run the doctor again.</source>
        <translation>请把该文件移走（或把提到的变量设为另一个文件夹），然后再次运行检查。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="95"/>
        <source>the check itself failed: {error}</source>
        <translation>检查本身出错：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="97"/>
        <source>This is a bug in the doctor or a badly broken install; the log has the traceback.</source>
        <translation>这是体检程序的缺陷或安装严重损坏；日志中有回溯信息。</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="112"/>
        <source>{check}: no answer within {s} s</source>
        <translation>{check}：{s} 秒内无响应</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/runner.py" line="114"/>
        <source>Something hangs (a driver call, a DNS lookup, a network filesystem): run the doctor again; if it repeats, the log names the step.</source>
        <translation>有操作卡住了（驱动调用、DNS 查询或网络文件系统）：请再运行一次体检；如果重复出现，日志会指出是哪一步。</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="14"/>
        <source>optional: OpenTelemetry SDK and OTLP/HTTP exporter, for --otlp-endpoint</source>
        <translation>可选：OpenTelemetry SDK 与 OTLP/HTTP 导出器，用于 --otlp-endpoint</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="18"/>
        <source>tracing settings not usable</source>
        <translation>追踪设置不可用</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="21"/>
        <source>tracing off: {missing}</source>
        <translation>追踪已关闭：{missing}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="24"/>
        <source>An OTLP endpoint is configured ({endpoint}) but nothing can export to it: {install}</source>
        <translation>已配置 OTLP 端点（{endpoint}），但没有可用的导出器：{install}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="28"/>
        <source>Only needed to send traces to a collector. To use it: {install}</source>
        <translation>仅在向收集器发送追踪时需要。如需使用：{install}</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="31"/>
        <source>installed; tracing off (no endpoint)</source>
        <translation>已安装；追踪关闭（未配置端点）</translation>
    </message>
    <message>
        <location filename="../../console/core/telemetry/doctor.py" line="33"/>
        <source>tracing on: {url}, sampling {sample}</source>
        <translation>追踪已开启：{url}，采样率 {sample}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="25"/>
        <source>an OpenAI-compatible server URL, e.g. http://localhost:8000/v1</source>
        <translation>兼容 OpenAI 的服务器 URL，例如 http://localhost:8000/v1</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="27"/>
        <source>the URL field of the Model panel&apos;s remote server</source>
        <translation>“模型”面板中远程服务器的 URL 字段</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="38"/>
        <source>not configured</source>
        <translation>未配置</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="39"/>
        <source>a server URL ({where}) when the console uses a remote model server</source>
        <translation>控制台使用远程模型服务器时需要服务器 URL（{where}）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="53"/>
        <source>answers GET /v1/models and serves {model}</source>
        <translation>响应 GET /v1/models 并提供 {model}</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="54"/>
        <source>answers GET /v1/models with at least one model</source>
        <translation>响应 GET /v1/models 且至少有一个模型</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="58"/>
        <source>{url} lists no models ({ms} ms)</source>
        <translation>{url} 未列出任何模型（{ms} 毫秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/envcheck/remote_checks.py" line="61"/>
        <source>{message} at {url} ({ms} ms)</source>
        <translation>{message}，位于 {url}（{ms} 毫秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="40"/>
        <source>runs the model; CPU or CUDA build (see the CUDA checks)</source>
        <translation>运行模型；CPU 或 CUDA 版本（见 CUDA 检查）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="42"/>
        <source>loads GLM/Llama-family models and GGUF files</source>
        <translation>加载 GLM/Llama 系列模型和 GGUF 文件</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="44"/>
        <source>places model layers on GPU/CPU (device_map)</source>
        <translation>把模型各层放到 GPU/CPU 上（device_map）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="46"/>
        <source>the MQTT link (the 2.x callback API)</source>
        <translation>MQTT 连接（2.x 回调 API）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="48"/>
        <source>the window; 6.12.0 crashes on Python 3.11</source>
        <translation>窗口界面；6.12.0 在 Python 3.11 上会崩溃</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="49"/>
        <source>the live graphs</source>
        <translation>实时图表</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="50"/>
        <source>reads GGUF model files (the bundled model)</source>
        <translation>读取 GGUF 模型文件（内置模型）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="51"/>
        <source>reads model weights</source>
        <translation>读取模型权重</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="53"/>
        <source>driver version and free VRAM (NVML)</source>
        <translation>驱动版本和可用显存（NVML）</translation>
    </message>
    <message>
        <location filename="../../console/core/versions.py" line="55"/>
        <source>8-bit / 4-bit quantization on CUDA (extra [cuda]; not exercised by the CPU-only suite)</source>
        <translation>CUDA 上的 8 位 / 4 位量化（附加组件 [cuda]；仅 CPU 的测试不覆盖）</translation>
    </message>
</context>
<context>
    <name>Fit</name>
    <message>
        <location filename="../../console/core/inference/fit.py" line="93"/>
        <source>needs about {needed} but only {free} is free on {where}</source>
        <translation>大约需要 {needed}，但 {where} 上只有 {free} 可用</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/fit.py" line="94"/>
        <source>tight fit: needs about {needed} of {free} free on {where}</source>
        <translation>勉强够用：大约需要 {needed}，{where} 上可用 {free}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/fit.py" line="95"/>
        <source>fits: needs about {needed}, {free} free on {where}</source>
        <translation>够用：大约需要 {needed}，{where} 上可用 {free}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/fit.py" line="96"/>
        <source>cpu (available RAM)</source>
        <translation>CPU（可用内存）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/fit.py" line="114"/>
        <source>cpu (RAM, max memory {cap})</source>
        <translation>CPU（内存，上限 {cap}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="60"/>
        <source>{total} GiB ({billions} B params, {dtype}: weights {weights} + KV {kv} at {tokens} tokens + activations {activations} + overhead {overhead})</source>
        <translation>{total} GiB（{billions} B 参数，{dtype}：权重 {weights} + KV {kv}（{tokens} 个 token）+ 激活 {activations} + 开销 {overhead}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="62"/>
        <source>{total} GiB ({billions} B params, {dtype} {quant}: weights {weights} + KV {kv} at {tokens} tokens + activations {activations} + overhead {overhead})</source>
        <translation>{total} GiB（{billions} B 参数，{dtype} {quant}：权重 {weights} + KV {kv}（{tokens} 个 token）+ 激活 {activations} + 开销 {overhead}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="65"/>
        <source>int8 weight-only</source>
        <translation>int8 仅权重</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="65"/>
        <source>int4 weight-only</source>
        <translation>int4 仅权重</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="81"/>
        <source>unknown dtype {dtype}: use fp32, bf16 or fp16</source>
        <translation>未知 dtype {dtype}：请使用 fp32、bf16 或 fp16</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="89"/>
        <source>unknown quantization {quant}: use none, int8 or 4bit</source>
        <translation>未知量化方式 {quant}：请使用 none、int8 或 4bit</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="175"/>
        <source>config.json lacks hidden_size / num_hidden_layers / vocab_size / num_attention_heads</source>
        <translation>config.json 缺少 hidden_size / num_hidden_layers / vocab_size / num_attention_heads</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="230"/>
        <source>{path} is missing</source>
        <translation>缺少 {path}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="232"/>
        <source>{path} is not readable JSON: {error}</source>
        <translation>{path} 不是可读的 JSON：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="235"/>
        <source>{path} is not a JSON object</source>
        <translation>{path} 不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="247"/>
        <source>{file} is too short to be a safetensors file</source>
        <translation>{file} 太短，不是 safetensors 文件</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="251"/>
        <source>{file}: safetensors header of {n} bytes is implausible</source>
        <translation>{file}：{n} 字节的 safetensors 头不合理</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="256"/>
        <source>{file}: bad safetensors header: {error}</source>
        <translation>{file}：safetensors 头损坏：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="291"/>
        <location filename="../../console/core/inference/memory.py" line="301"/>
        <source>GGUF file ends early</source>
        <translation>GGUF 文件提前结束</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="298"/>
        <source>GGUF string of {n} bytes is implausible</source>
        <translation>{n} 字节的 GGUF 字符串不合理</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="319"/>
        <source>unknown GGUF value type {type}</source>
        <translation>未知的 GGUF 值类型 {type}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="326"/>
        <source>{path} is not a GGUF file (bad magic)</source>
        <translation>{path} 不是 GGUF 文件（文件头标识错误）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="330"/>
        <source>{path}: GGUF version {version} is too old (need 2 or 3)</source>
        <translation>{path}：GGUF 版本 {version} 太旧（需要 2 或 3）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="364"/>
        <source>GGUF metadata lacks {arch}.embedding_length/block_count/attention.head_count</source>
        <translation>GGUF 元数据缺少 {arch}.embedding_length/block_count/attention.head_count</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/memory.py" line="391"/>
        <source>{path} is neither a model folder nor a GGUF file</source>
        <translation>{path} 既不是模型文件夹也不是 GGUF 文件</translation>
    </message>
</context>
<context>
    <name>Hardware</name>
    <message>
        <location filename="../../console/core/hardware.py" line="51"/>
        <source>GPU: {name} ({gib} GiB){more}</source>
        <translation>GPU：{name}（{gib} GiB）{more}</translation>
    </message>
    <message>
        <location filename="../../console/core/hardware.py" line="54"/>
        <source>GPU: NVIDIA (install nvidia-ml-py for details)</source>
        <translation>GPU：NVIDIA（安装 nvidia-ml-py 可查看详情）</translation>
    </message>
    <message>
        <location filename="../../console/core/hardware.py" line="55"/>
        <source>CPU: {cores} cores, no GPU</source>
        <translation>CPU：{cores} 核，无 GPU</translation>
    </message>
</context>
<context>
    <name>QtAlertBanner</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="44"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="46"/>
        <source>Acknowledge all</source>
        <translation>全部确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="68"/>
        <source>{rule} on {device}: {message}</source>
        <translation>{device} 触发 {rule}：{message}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="72"/>
        <source>(and {n} more active)</source>
        <translation>（另有 {n} 条活动告警）</translation>
    </message>
</context>
<context>
    <name>QtAlertCount</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="97"/>
        <source>Alerts: none</source>
        <translation>告警：无</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="100"/>
        <source>Alerts: {active} active, {acked} acknowledged</source>
        <translation>告警：{active} 条活动，{acked} 条已确认</translation>
    </message>
</context>
<context>
    <name>QtAlertNotifier</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="120"/>
        <source>AutoGLM Console alerts</source>
        <translation>AutoGLM 控制台告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="129"/>
        <source>Alert: {rule}</source>
        <translation>告警：{rule}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="130"/>
        <source>{device}: {message}</source>
        <translation>{device}：{message}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_banner.py" line="132"/>
        <source>{n} new alerts</source>
        <translation>{n} 条新告警</translation>
    </message>
</context>
<context>
    <name>QtAlertsModel</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="38"/>
        <source>Raised</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="38"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="38"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="39"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="39"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="39"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="40"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="40"/>
        <source>Acknowledged</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="41"/>
        <source>Cleared</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="41"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="44"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="44"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="44"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="48"/>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="48"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_model.py" line="49"/>
        <source>cleared</source>
        <translation>已解除</translation>
    </message>
</context>
<context>
    <name>QtAlertsPanel</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_panel.py" line="31"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_panel.py" line="32"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_panel.py" line="49"/>
        <source>Alerts are off: {e}</source>
        <translation>告警已关闭：{e}</translation>
    </message>
</context>
<context>
    <name>QtAlertsView</name>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="61"/>
        <source>open (active or acknowledged)</source>
        <translation>未解除（活动或已确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="62"/>
        <source>active</source>
        <translation>活动</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="63"/>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="64"/>
        <source>cleared</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="65"/>
        <source>all (history)</source>
        <translation>全部（历史）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="69"/>
        <source>any severity</source>
        <translation>任意级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="70"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="71"/>
        <source>warning or worse</source>
        <translation>警告及以上</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="72"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="75"/>
        <source>device contains…</source>
        <translation>设备包含…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="78"/>
        <source>zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="80"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="92"/>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="94"/>
        <source>Clear</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="96"/>
        <source>Close the alert now; its rule raises it again if the condition holds</source>
        <translation>立即关闭此告警；若条件仍然成立，规则会再次触发</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="97"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="111"/>
        <source>Send…</source>
        <translation>发送…</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="113"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="115"/>
        <source>Commands proposed by rules, waiting for you</source>
        <translation>规则建议的命令，等待您处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="160"/>
        <source>{active} active, {acked} acknowledged; {shown} shown</source>
        <translation>{active} 条活动，{acked} 条已确认；显示 {shown} 条</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="170"/>
        <source>Other consoles: {n} open alert(s) on {consoles}</source>
        <translation>其他控制台：{consoles} 上有 {n} 条未解除告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="204"/>
        <source>Export alerts</source>
        <translation>导出告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="204"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="210"/>
        <source>Export failed: {e}. Choose a folder you can write to.</source>
        <translation>导出失败：{e}。请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="212"/>
        <source>{n} alert(s) written to {path}</source>
        <translation>已将 {n} 条告警写入 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="222"/>
        <source>Rule {rule}: {device} {values} ({why})</source>
        <translation>规则 {rule}：{device} {values}（{why}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="224"/>
        <source>high risk</source>
        <translation>高风险</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_alerts_view.py" line="225"/>
        <source>asks before acting</source>
        <translation>执行前询问</translation>
    </message>
</context>
<context>
    <name>QtAssistantPanel</name>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="131"/>
        <source>Say what should happen…</source>
        <translation>说出要做什么……</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="134"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="140"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="142"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="164"/>
        <source>For example: &quot;stop both conveyors&quot;, &quot;set the office AC to 22 °C&quot;, &quot;关闭所有灯&quot;.</source>
        <translation>例如：“停止两条输送带”、“把办公室空调设为 22 °C”、“turn off all lamps”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="226"/>
        <source>Reading… (learning the names of {n} devices)</source>
        <translation>正在解析…（正在学习 {n} 台设备的名称）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="228"/>
        <source>Reading… (the model is choosing between similar devices)</source>
        <translation>正在解析…（模型正在相似设备之间进行选择）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="258"/>
        <source>Could not read that ({error}). Nothing was sent; try other words.</source>
        <translation>无法理解该指令（{error}）。未发送任何命令；请换一种说法。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="266"/>
        <source>Not possible: {reason}</source>
        <translation>无法执行：{reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="272"/>
        <source>Check the changes. High-risk rows will ask once more before sending.</source>
        <translation>请检查变更。高风险行在发送前会再次请求确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="275"/>
        <source>Check the changes, then Confirm to send them.</source>
        <translation>请检查变更，然后点击“确认”发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="286"/>
        <source>The model chose this reading (marked rows). </source>
        <translation>这是模型选择的理解（已标注的行）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="288"/>
        <source>Read from what the devices do. </source>
        <translation>根据设备的用途理解。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="302"/>
        <source>These changes are high risk:

{changes}

Send them?</source>
        <translation>以下变更为高风险：

{changes}

确定发送吗？</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="304"/>
        <source>Confirm high-risk commands</source>
        <translation>确认高风险命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="305"/>
        <source>Not sent: the high-risk changes were not confirmed.</source>
        <translation>未发送：高风险变更未获确认。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="319"/>
        <source>not sent: {error}</source>
        <translation>未发送：{error}</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="324"/>
        <source>sent ({state})</source>
        <translation>已发送（{state}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="324"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="329"/>
        <source>{sent} sent, {failed} not sent (see the Result column).</source>
        <translation>已发送 {sent} 条，{failed} 条未发送（见“结果”列）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="332"/>
        <source>{sent} sent. Their progress shows in the device table.</source>
        <translation>已发送 {sent} 条。执行进度显示在设备表中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_assistant_panel.py" line="340"/>
        <source>Cancelled: nothing was sent.</source>
        <translation>已取消：未发送任何命令。</translation>
    </message>
</context>
<context>
    <name>QtAuditModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="73"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="73"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="73"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="73"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="74"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="74"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="74"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QtAuditView</name>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="135"/>
        <source>This site&apos;s commands</source>
        <translation>本站点的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="137"/>
        <source>Unassigned: open before one outbox per broker, never sent again</source>
        <translation>未分配：启用“每个代理一个发件队列”前未完成，不再发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="139"/>
        <source>Commands an earlier console left open in its shared outbox. The broker they were for was not recorded, so none is sent again anywhere: check those devices and send again what is still wanted. Kept in {path}</source>
        <translation>旧版控制台在其共享发件队列中遗留的未完成命令。由于未记录它们所属的 MQTT 代理，这些命令不会在任何地方重新发送：请检查相关设备，并重新发送仍需要的命令。保存在 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="145"/>
        <source>Send again on this site…</source>
        <translation>在本站点重新发送…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="147"/>
        <source>Send the selected unassigned command again, to this site&apos;s broker, as a new command (you confirm it first); the old one is closed</source>
        <translation>将选中的未分配命令作为新命令重新发送到本站点的 MQTT 代理（需先确认）；旧命令随即关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="153"/>
        <source>device id contains…</source>
        <translation>设备 ID 包含…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="156"/>
        <source>any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="160"/>
        <source>any origin</source>
        <translation>任意来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="164"/>
        <source>from</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="166"/>
        <source>until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="171"/>
        <source>Month-day hours:minutes; the calendar button picks a date</source>
        <translation>月-日 时:分；用日历按钮选择日期</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="172"/>
        <source>Search</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="173"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="242"/>
        <source>Cannot read {path}: {e}</source>
        <translation>无法读取 {path}：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="246"/>
        <source>{n} command(s)</source>
        <translation>{n} 条命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="330"/>
        <source>Cannot send it again here: {e}</source>
        <translation>无法在此重新发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="303"/>
        <source>Send {what} to {device} again, on {site}?

An earlier console left this command {state} on a broker it did not record; it has not been sent since. Check the device first: it may have been done, or be unwanted now.</source>
        <translation>是否在 {site} 上向 {device} 重新发送 {what}？

旧版控制台遗留了这条状态为 {state} 的命令，且未记录其所属的 MQTT 代理；此后该命令一直未发送。请先检查设备：该操作可能已经完成，或现在已不再需要。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="308"/>
        <source>This device is marked high risk.</source>
        <translation>此设备被标记为高风险。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="294"/>
        <source>Send an unassigned command again</source>
        <translation>重新发送未分配的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="296"/>
        <source>Not sent: confirmation declined</source>
        <translation>未发送：未获确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="332"/>
        <source>Not sent: {path} could not record it: {e}</source>
        <translation>未发送：{path} 无法记录此操作：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="325"/>
        <source>Not sent: another console changed this command meanwhile (see its history)</source>
        <translation>未发送：另一个控制台已在此期间更改了该命令（见其历史记录）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="328"/>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="335"/>
        <source>Not sent: {e}</source>
        <translation>未发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="317"/>
        <source>Sent again as {id}, but {path} could not record it: {e}</source>
        <translation>已作为 {id} 重新发送，但 {path} 无法记录此操作：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="320"/>
        <source>Sent again as {id} ({what} to {device}): follow it in the Commands tab</source>
        <translation>已作为 {id} 重新发送（向 {device} 发送 {what}）：请在“命令”选项卡中跟踪</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="346"/>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="349"/>
        <source>Export failed: {e}</source>
        <translation>导出失败：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="351"/>
        <source>Exported {n} command(s) to {path}</source>
        <translation>已将 {n} 条命令导出到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="356"/>
        <source>Export audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_audit_view.py" line="357"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>QtCapabilityControl</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="105"/>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="259"/>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="178"/>
        <source>{value} is above the maximum {max}</source>
        <translation>{value} 超过最大值 {max}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="181"/>
        <source>{value} is below the minimum {min}</source>
        <translation>{value} 低于最小值 {min}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="259"/>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="268"/>
        <source>The device reported {v}</source>
        <translation>设备报告的值为 {v}</translation>
    </message>
</context>
<context>
    <name>QtCommandSender</name>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="83"/>
        <source>Send and queue</source>
        <translation>发送并排队</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="151"/>
        <source>not queued for an unreachable device</source>
        <translation>设备不可达，未排队</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="155"/>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="162"/>
        <source>confirmation declined</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="168"/>
        <source>the device&apos;s risk kept changing while you were asked</source>
        <translation>询问期间该设备的风险等级一再变化</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="174"/>
        <source>{device} is offline: the command will wait in the queue until it is back (or its ttl passes).</source>
        <translation>{device} 已离线：命令将在队列中等待，直到设备恢复（或超过其有效期）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="177"/>
        <source>{device} is in an unknown state (the broker link is down or it never said): the command will wait in the queue until it is back (or its ttl passes).</source>
        <translation>{device} 状态未知（代理连接已断开，或设备从未报告）：命令将在队列中等待，直到设备恢复（或超过其有效期）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="149"/>
        <source>Device not reachable</source>
        <translation>设备不可达</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="201"/>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="218"/>
        <source>Confirm command</source>
        <translation>确认命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="209"/>
        <source>{device}: {changes}</source>
        <translation>{device}：{changes}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="212"/>
        <source>Send this command to {device_id}?</source>
        <translation>是否向 {device_id} 发送此命令？</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="214"/>
        <source>The device already shows these values: nothing would change.</source>
        <translation>设备已处于这些值：发送不会改变任何状态。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="216"/>
        <source>This device is marked high risk.</source>
        <translation>此设备被标记为高风险。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_sender.py" line="217"/>
        <source>Confirm high-risk command</source>
        <translation>确认高风险命令</translation>
    </message>
</context>
<context>
    <name>QtCommandTimeline</name>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="99"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="99"/>
        <source>At</source>
        <translation>时刻</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="99"/>
        <source>Took</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="99"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="123"/>
        <source>Another console&apos;s command: its timeline is in that console.</source>
        <translation>其他控制台的命令：其时间线在那个控制台中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="129"/>
        <source>Select a command to see its timeline.</source>
        <translation>选择一条命令以查看其时间线。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="133"/>
        <source>This command is not in this console&apos;s outbox.</source>
        <translation>此命令不在本控制台的发件箱中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="155"/>
        <source>{device}: {state}, {total} from first to last step</source>
        <translation>{device}：{state}，从第一步到最后一步共 {total}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_command_timeline.py" line="158"/>
        <source>trace {id}</source>
        <translation>追踪 {id}</translation>
    </message>
</context>
<context>
    <name>QtCommandsModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="52"/>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="53"/>
        <source>assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="54"/>
        <source>replay</source>
        <translation>重放</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="66"/>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="71"/>
        <source>another console</source>
        <translation>另一控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="72"/>
        <source>Sent by {console}, not by this console: shown read-only, as the broker and the device&apos;s answers showed it</source>
        <translation>由 {console} 发送，而非本控制台：只读显示，内容来自代理和设备的应答</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="103"/>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="103"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="103"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="104"/>
        <source>Origin</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="104"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="104"/>
        <source>Tries</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_model.py" line="105"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>QtCommandsView</name>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="43"/>
        <source>Cancel queued command</source>
        <translation>取消排队中的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="45"/>
        <source>Only a command not yet handed to the broker can be cancelled</source>
        <translation>只能取消尚未交给 MQTT 代理的命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_commands_view.py" line="80"/>
        <source>{n} in flight</source>
        <translation>{n} 条执行中</translation>
    </message>
</context>
<context>
    <name>QtConnect</name>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="26"/>
        <source>Password of {user} for profile {profile}:
{why}
It is used for this connection only and not stored.</source>
        <translation>配置 {profile} 的用户 {user} 的密码：
{why}
仅用于本次连接，不会保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="28"/>
        <source>Broker password</source>
        <translation>代理密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="52"/>
        <source>The OS keyring holds no password for this profile.</source>
        <translation>系统密钥环中没有此配置的密码。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_connect.py" line="54"/>
        <source>No OS keyring is available to hold it (for an unattended station: --password-file or $AUTOGLM_MQTT_PASSWORD).</source>
        <translation>没有可保存密码的系统密钥环（无人值守的工作站：使用 --password-file 或 $AUTOGLM_MQTT_PASSWORD）。</translation>
    </message>
</context>
<context>
    <name>QtDeviceControls</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="298"/>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="328"/>
        <source>Select a device in the table</source>
        <translation>请在表格中选择设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="336"/>
        <source>high risk: commands ask for confirmation</source>
        <translation>高风险：命令需确认后发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="336"/>
        <source>low risk</source>
        <translation>低风险</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="337"/>
        <source>{kind} in {zone} · {risk}</source>
        <translation>{kind}，位于 {zone} · {risk}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="370"/>
        <source>Not sent: confirmation declined</source>
        <translation>未发送：未获确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="372"/>
        <source>Not sent: {e}</source>
        <translation>未发送：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_controls.py" line="390"/>
        <source>{cmd}: {state}</source>
        <translation>{cmd}：{state}</translation>
    </message>
</context>
<context>
    <name>QtDeviceMenu</name>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="25"/>
        <source>Show raw payloads…</source>
        <translation>显示原始消息…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="38"/>
        <source>High risk: confirm every command</source>
        <translation>高风险：每条命令都需确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="42"/>
        <source>Exposed to the assistant</source>
        <translation>对助手可见</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_device_menu.py" line="49"/>
        <source>A native device&apos;s risk comes from its own meta</source>
        <translation>原生设备的风险等级来自其自身的元数据</translation>
    </message>
</context>
<context>
    <name>QtDevicesPanel</name>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="133"/>
        <source>Filter devices (id, name, zone, kind)</source>
        <translation>筛选设备（ID、名称、区域、类型）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="138"/>
        <source>Online only</source>
        <translation>仅在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="141"/>
        <source>All zones</source>
        <translation>所有区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="141"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="185"/>
        <source>Connections…</source>
        <translation>连接…</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="186"/>
        <source>Broker connection profiles (TLS, credentials, client id)</source>
        <translation>MQTT 代理连接配置（TLS、凭据、客户端 ID）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="195"/>
        <source>Control</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="201"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="202"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_devices_panel.py" line="279"/>
        <source>{devices} devices · {rx}/s received · {ap}/s applied · {dr}/s dropped</source>
        <translation>{devices} 台设备 · 接收 {rx}/s · 应用 {ap}/s · 丢弃 {dr}/s</translation>
    </message>
</context>
<context>
    <name>QtDoctorPanel</name>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="127"/>
        <source>Checks have not run yet.</source>
        <translation>尚未运行检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="130"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="348"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="440"/>
        <source>Run again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="133"/>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="135"/>
        <source>Save diagnostic bundle…</source>
        <translation>保存诊断包…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="138"/>
        <source>A zip with the report (JSON and Markdown), the latest log files and recent telemetry; passwords and tokens are replaced by ***.</source>
        <translation>一个 zip 压缩包，包含报告（JSON 和 Markdown）、最新的日志文件和近期遥测数据；密码和令牌会被替换为 ***。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="161"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="161"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="161"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="161"/>
        <source>Expected</source>
        <translation>期望值</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="162"/>
        <source>How to fix</source>
        <translation>修复方法</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="176"/>
        <source>Select a check to see its value and how to fix it.</source>
        <translation>选择一个检查项，查看其值和修复方法。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="279"/>
        <source>running…</source>
        <translation>运行中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="281"/>
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="282"/>
        <source>Checking the environment…</source>
        <translation>正在检查环境…</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="301"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="301"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="301"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="302"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="333"/>
        <source>{fail} failed, 1 warning, {ok} ok, {skip} skipped — checked at {t}</source>
        <translation>{fail} 项失败，1 项警告，{ok} 项正常，{skip} 项跳过 — 检查时间 {t}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="334"/>
        <source>{fail} failed, {warn} warnings, {ok} ok, {skip} skipped — checked at {t}</source>
        <translation>{fail} 项失败，{warn} 项警告，{ok} 项正常，{skip} 项跳过 — 检查时间 {t}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="372"/>
        <source>Value: {v}</source>
        <translation>值：{v}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="374"/>
        <source>Expected: {e}</source>
        <translation>期望值：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="376"/>
        <source>How to fix: {h}</source>
        <translation>修复方法：{h}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="384"/>
        <source>Report copied to the clipboard (Markdown).</source>
        <translation>报告已复制到剪贴板（Markdown）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="391"/>
        <source>Save diagnostic bundle</source>
        <translation>保存诊断包</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="392"/>
        <source>Zip archives (*.zip)</source>
        <translation>Zip 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="399"/>
        <source>Run the checks first.</source>
        <translation>请先运行检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="417"/>
        <source>Diagnostic bundle saved to {p}</source>
        <translation>诊断包已保存到 {p}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="418"/>
        <source>Saved to {p}</source>
        <translation>已保存到 {p}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="423"/>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="424"/>
        <source>Could not save the bundle: {m}</source>
        <translation>无法保存诊断包：{m}</translation>
    </message>
    <message>
        <location filename="../../console/ui/doctor/qt_doctor_panel.py" line="441"/>
        <source>Checks stopped.</source>
        <translation>检查已停止。</translation>
    </message>
</context>
<context>
    <name>QtErrorReporter</name>
    <message>
        <location filename="../../console/ui/shell/qt_errors.py" line="72"/>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_errors.py" line="74"/>
        <source>The console keeps running. Details are in the log file.</source>
        <translation>控制台将继续运行。详细信息见日志文件。</translation>
    </message>
</context>
<context>
    <name>QtFleetModel</name>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="78"/>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="96"/>
        <source>(+{n} unknown: {names})</source>
        <translation>（另有 {n} 个未知项：{names}）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="180"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="180"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="180"/>
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="180"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="181"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="181"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="181"/>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="181"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="349"/>
        <source>unknown (broker down since {time})</source>
        <translation>未知（代理自 {time} 起断开）</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="175"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="176"/>
        <source>stale</source>
        <translation>过期</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="175"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="175"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="358"/>
        <source>{online} · clock {offset} s off</source>
        <translation>{online} · 时钟偏差 {offset} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="367"/>
        <source>Device clock: {offset} s from this console&apos;s (ahead &gt; 0), from its timestamps</source>
        <translation>设备时钟与本控制台相差 {offset} 秒（正值表示超前），根据其时间戳估算</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="178"/>
        <source>The console&apos;s broker link is down: no device news can arrive</source>
        <translation>控制台与代理的连接已断开：收不到任何设备消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="383"/>
        <source>Last update {time} ({age} ago); a device is stale after {limit} s without one</source>
        <translation>最后更新 {time}（{age} 前）；设备超过 {limit} 秒无更新即视为陈旧</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="176"/>
        <source>HA</source>
        <translation>HA</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="399"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="399"/>
        <source>refused as hostile</source>
        <translation>视为恶意而拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="400"/>
        <source>stopped by the time or size budget</source>
        <translation>超出时间或大小限额而中止</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="402"/>
        <source>⚠ {count} template errors ({kinds}); the last: {last}</source>
        <translation>⚠ {count} 个模板错误（{kinds}）；最后一个：{last}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="177"/>
        <source>Home Assistant discovery</source>
        <translation>Home Assistant 自动发现</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_fleet_model.py" line="176"/>
        <source>native</source>
        <translation>原生</translation>
    </message>
</context>
<context>
    <name>QtHealthView</name>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="26"/>
        <source>Command success rate</source>
        <translation>命令成功率</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="26"/>
        <source>Ack latency p50</source>
        <translation>确认延迟 p50</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="27"/>
        <source>Ack latency p95</source>
        <translation>确认延迟 p95</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="27"/>
        <source>Model TTFT p95</source>
        <translation>模型首词元时间 p95</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="28"/>
        <source>Model engine error rate</source>
        <translation>模型引擎错误率</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="29"/>
        <source>The last hour, against the targets of the deployment guide. Graphs: one point a minute, in minutes before now; the dashed line is the target.</source>
        <translation>最近一小时，对照部署指南中的目标。图表：每分钟一个点，横轴为距现在的分钟数；虚线为目标。</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="37"/>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="37"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="37"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="37"/>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="38"/>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="122"/>
        <source>no OTLP endpoint configured (--otlp-endpoint)</source>
        <translation>未配置 OTLP 端点（--otlp-endpoint）</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="125"/>
        <source>{url}, sampling {ratio}</source>
        <translation>{url}，采样率 {ratio}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="126"/>
        <source>Tracing (OpenTelemetry): on, {detail}</source>
        <translation>追踪（OpenTelemetry）：开启，{detail}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="127"/>
        <source>Tracing (OpenTelemetry): off, {detail}</source>
        <translation>追踪（OpenTelemetry）：关闭，{detail}</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="138"/>
        <source>within target</source>
        <translation>达到目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="138"/>
        <source>outside target</source>
        <translation>未达目标</translation>
    </message>
    <message>
        <location filename="../../console/ui/health/qt_health_view.py" line="139"/>
        <source>nothing measured yet</source>
        <translation>尚无测量数据</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="42"/>
        <source>AutoGLM Console {version}</source>
        <translation>AutoGLM 控制台 {version}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="47"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="47"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="48"/>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="48"/>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="48"/>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="69"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="71"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="90"/>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="121"/>
        <source>Broker {url}: {state}</source>
        <translation>MQTT 代理 {url}：{state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="122"/>
        <source>Broker: {state}</source>
        <translation>MQTT 代理：{state}</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="126"/>
        <source> (next try in {s:.0f} s)</source>
        <translation>（{s:.0f} 秒后重试）</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="143"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="143"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="144"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="144"/>
        <source>waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="145"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/shell/qt_main_window.py" line="145"/>
        <source>not authorized</source>
        <translation>未授权</translation>
    </message>
</context>
<context>
    <name>QtModelChat</name>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="27"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="30"/>
        <source>system prompt (optional; repeated ones come from the prefix cache)</source>
        <translation>系统提示词（可选；重复使用的系统提示词取自前缀缓存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="33"/>
        <source>Ask the model something…</source>
        <translation>向模型提问…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="40"/>
        <source>max new </source>
        <translation>最大生成 tokens：</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="41"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="45"/>
        <source>queue: 0</source>
        <translation>队列：0</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="52"/>
        <source>Answers stream in here.</source>
        <translation>回答将以流式方式显示在这里。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="56"/>
        <source>No request yet.</source>
        <translation>尚无请求。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="83"/>
        <source>Type a prompt first.</source>
        <translation>请先输入提示词。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="120"/>
        <source>#{rid} {reason}</source>
        <translation>#{rid} {reason}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="122"/>
        <source>TTFT {v:.2f} s</source>
        <translation>首字延迟 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="124"/>
        <source>{v:.1f} tok/s</source>
        <translation>{v:.1f} tok/s</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="125"/>
        <source>end-to-end {v:.2f} s</source>
        <translation>端到端 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="126"/>
        <source>queue {v:.2f} s</source>
        <translation>排队 {v:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="127"/>
        <source>{p} prompt + {n} new tokens</source>
        <translation>提示 {p} + 新生成 {n} tokens</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="129"/>
        <source>{c} from prefix cache</source>
        <translation>{c} 个取自前缀缓存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="131"/>
        <source>fast path</source>
        <translation>快速路径</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="134"/>
        <source>Warning: {w}</source>
        <translation>警告：{w}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="138"/>
        <source> [cancelled]</source>
        <translation> [已取消]</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="144"/>
        <source>time limit</source>
        <translation>时间上限</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="145"/>
        <location filename="../../console/ui/model/qt_model_chat.py" line="146"/>
        <source>stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="145"/>
        <source>length limit</source>
        <translation>长度上限</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="145"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="147"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="152"/>
        <source>#{rid} failed: {m}
{h}</source>
        <translation>#{rid} 失败：{m}
{h}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_chat.py" line="162"/>
        <source>queue: {n}</source>
        <translation>队列：{n}</translation>
    </message>
</context>
<context>
    <name>QtModelGraphs</name>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="81"/>
        <source>time, 0 = now</source>
        <translation>时间（0 = 现在）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="81"/>
        <source>memory</source>
        <translation>内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="84"/>
        <source>GPU allocated (torch)</source>
        <translation>显存已分配 (torch)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="85"/>
        <source>GPU reserved (torch)</source>
        <translation>显存已预留 (torch)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="86"/>
        <source>GPU used (NVML)</source>
        <translation>显存已用 (NVML)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="87"/>
        <source>GPU total</source>
        <translation>显存总量</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="88"/>
        <source>process RSS (CPU)</source>
        <translation>进程 RSS (CPU)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="98"/>
        <source>no memory samples yet</source>
        <translation>尚无内存采样</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="101"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="137"/>
        <source>no requests yet</source>
        <translation>尚无请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="102"/>
        <source>latency</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="107"/>
        <source>first token</source>
        <translation>首个词元</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="109"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="117"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="112"/>
        <source>decode tokens/s</source>
        <translation>解码词元/秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="116"/>
        <source>decode speed</source>
        <translation>解码速度</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="122"/>
        <source>end-to-end latency of completed requests</source>
        <translation>已完成请求的端到端延迟</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="123"/>
        <source>requests</source>
        <translation>请求数</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="198"/>
        <source>no completed requests yet ({n} cancelled)</source>
        <translation>尚无已完成的请求（{n} 个已取消）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="102"/>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="112"/>
        <source>request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_graphs.py" line="108"/>
        <source>end to end</source>
        <translation>端到端</translation>
    </message>
</context>
<context>
    <name>QtModelOptions</name>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="55"/>
        <source>Local (transformers)</source>
        <translation>本地 (transformers)</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="56"/>
        <source>Remote server (OpenAI-compatible)</source>
        <translation>远程服务器（兼容 OpenAI）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="57"/>
        <source>Backend</source>
        <translation>后端</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="78"/>
        <source>model folder, .gguf file, or hub id org/name</source>
        <translation>模型文件夹、.gguf 文件或 Hub ID org/name</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="79"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="80"/>
        <source>GGUF…</source>
        <translation>GGUF…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="84"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="92"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="93"/>
        <source>8-bit</source>
        <translation>8-bit</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="94"/>
        <source>4-bit NF4</source>
        <translation>4-bit NF4</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="95"/>
        <location filename="../../console/ui/model/qt_model_options.py" line="182"/>
        <source>int8 (fast decode)</source>
        <translation>int8（快速解码）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="96"/>
        <location filename="../../console/ui/model/qt_model_options.py" line="182"/>
        <source>int4 (fast decode)</source>
        <translation>int4（快速解码）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="98"/>
        <source>8-bit and 4-bit NF4 load through bitsandbytes, need an NVIDIA GPU and decode on the slow path; int8 and int4 are quantized while loading and decode on the fast path (faster than bf16 on a GPU)</source>
        <translation>8-bit 和 4-bit NF4 通过 bitsandbytes 加载，需要 NVIDIA GPU，并走较慢的解码路径；int8 和 int4 在加载时量化，走快速解码路径（在 GPU 上比 bf16 更快）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="101"/>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="101"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="102"/>
        <source>quantization</source>
        <translation>量化</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="111"/>
        <source>e.g. 0=20GiB, cpu=30GiB (empty: all free memory)</source>
        <translation>例如 0=20GiB, cpu=30GiB（留空：使用全部空闲内存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="112"/>
        <source>Max memory</source>
        <translation>最大内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="115"/>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="116"/>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="117"/>
        <source>Max input</source>
        <translation>最大输入</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="118"/>
        <source>allow hub downloads</source>
        <translation>允许从 Hub 下载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="119"/>
        <source>load even if it may not fit</source>
        <translation>即使内存可能不足也加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="132"/>
        <source>empty: the first model the server lists</source>
        <translation>留空：使用服务器列出的第一个模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="135"/>
        <source>API key (not saved)</source>
        <translation>API 密钥（不保存）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="136"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="137"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="138"/>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="184"/>
        <source>bitsandbytes decodes on the slow path (15–50× slower on a GPU). {ours} needs about the same memory and decodes on the fast path for Llama, Qwen2 and GLM models.</source>
        <translation>bitsandbytes 在慢速路径上解码（在 GPU 上慢 15–50 倍）。{ours} 占用的内存大致相同，并且对 Llama、Qwen2 和 GLM 模型走快速解码路径。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="193"/>
        <source>Model folder (with config.json)</source>
        <translation>模型文件夹（含 config.json）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="198"/>
        <source>GGUF model file</source>
        <translation>GGUF 模型文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_options.py" line="199"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 模型 (*.gguf)</translation>
    </message>
</context>
<context>
    <name>QtModelPanel</name>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="100"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="104"/>
        <source>Fit estimate: not computed yet</source>
        <translation>装载估算：尚未计算</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="114"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="287"/>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="115"/>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="122"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="431"/>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="123"/>
        <source>No model loaded.</source>
        <translation>未加载模型。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="287"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="289"/>
        <source>Remote server: its own GPU memory applies, nothing is loaded here.</source>
        <translation>远程服务器：使用其自身的显存，本机不加载任何内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="300"/>
        <location filename="../../console/ui/model/qt_model_panel.py" line="314"/>
        <source>write sizes like 0=20GiB, cpu=30GiB</source>
        <translation>请按 0=20GiB, cpu=30GiB 的格式填写大小</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="303"/>
        <source>Fit estimate: computing…</source>
        <translation>装载估算：计算中…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="317"/>
        <source>starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="323"/>
        <source>no server URL</source>
        <translation>未填写服务器 URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="323"/>
        <source>type the URL of a vLLM/SGLang/llama.cpp server</source>
        <translation>请输入 vLLM/SGLang/llama.cpp 服务器的 URL</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="367"/>
        <source>Loading {source}…</source>
        <translation>正在加载 {source}…</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="378"/>
        <source>checking memory</source>
        <translation>检查内存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="379"/>
        <source>tokenizer</source>
        <translation>分词器</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="380"/>
        <source>converting GGUF (once)</source>
        <translation>转换 GGUF（仅一次）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="381"/>
        <source>saving converted weights</source>
        <translation>保存转换后的权重</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="382"/>
        <source>loading weights</source>
        <translation>加载权重</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="383"/>
        <source>quantizing weights</source>
        <translation>正在量化权重</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="384"/>
        <source>compiling kernels</source>
        <translation>正在编译内核</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="385"/>
        <source>preparing the assistant&apos;s scorer</source>
        <translation>准备助手的评分模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="386"/>
        <source>ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="400"/>
        <source> (converted copy cached: fast load)</source>
        <translation>（已缓存转换副本：快速加载）</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="414"/>
        <source>loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="416"/>
        <source>Loaded {model} ({kind}, {dtype} on {device}) in {s:.1f} s{cache}.</source>
        <translation>已加载 {model}（{kind}，{dtype}，设备 {device}），用时 {s:.1f} 秒{cache}。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="419"/>
        <source>, from the GGUF cache</source>
        <translation>，来自 GGUF 缓存</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="421"/>
        <source>Warning: {w}</source>
        <translation>警告：{w}</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="423"/>
        <source>Connected to {url} ({model}).</source>
        <translation>已连接到 {url}（{model}）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="433"/>
        <source>unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <location filename="../../console/ui/model/qt_model_panel.py" line="444"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>QtPreviewTable</name>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="44"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="44"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="44"/>
        <source>Before → after</source>
        <translation>之前 → 之后</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="45"/>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="45"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="83"/>
        <source> (model&apos;s pick)</source>
        <translation>（模型选定）</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="91"/>
        <source>HIGH – asks again</source>
        <translation>高 – 需再次确认</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="91"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../console/ui/assistant/qt_preview_table.py" line="123"/>
        <source>sent ({state})</source>
        <translation>已发送（{state}）</translation>
    </message>
</context>
<context>
    <name>QtProfilesDialog</name>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="40"/>
        <source>Broker connections</source>
        <translation>MQTT 代理连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="55"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="56"/>
        <source>system trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="57"/>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="58"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="59"/>
        <source>Insecure: do not verify the broker&apos;s certificate</source>
        <translation>不安全：不验证 MQTT 代理的证书</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="61"/>
        <source>Certificate verification is OFF: anyone on the network path can impersonate the broker.</source>
        <translation>证书验证已关闭：网络路径上的任何人都可以冒充 MQTT 代理。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="68"/>
        <source>stored in the OS keyring</source>
        <translation>保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="69"/>
        <source>generated (set one per console on shared brokers)</source>
        <translation>自动生成（共享代理上请为每个控制台单独设置）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="76"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="77"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="78"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="79"/>
        <source>Protocol</source>
        <translation>协议</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="81"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="82"/>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="83"/>
        <source>Client key</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="86"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="87"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="88"/>
        <source>Client id</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="89"/>
        <source>Topic prefix</source>
        <translation>主题前缀</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="91"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="92"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="93"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="94"/>
        <source>Use this broker</source>
        <translation>使用此代理</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="95"/>
        <source>Restart and connect now</source>
        <translation>立即重启并连接</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="97"/>
        <source>Start a new console on the active profile and close this one (queued commands stay in the outbox)</source>
        <translation>使用当前启用的配置启动新的控制台并关闭本控制台（排队中的命令保留在发件队列中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="100"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="129"/>
        <source>The saved connections come from a damaged settings file: {e}. Check the profiles, then Save.</source>
        <translation>已保存的连接来自一个损坏的设置文件：{e}。请检查各配置，然后保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="137"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="143"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="144"/>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="159"/>
        <source>active</source>
        <translation>当前启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="188"/>
        <source>Active profile.</source>
        <translation>当前启用的配置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="224"/>
        <source>Keep at least one profile.</source>
        <translation>请至少保留一个配置。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="237"/>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="248"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="251"/>
        <source>Saved, but a password needs a username: it was not stored.</source>
        <translation>已保存，但密码需要配合用户名使用：密码未保存。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="255"/>
        <source>Saved; the password is in the OS keyring.</source>
        <translation>已保存；密码存放在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="257"/>
        <source>Saved without the password: {e}</source>
        <translation>已保存，但未保存密码：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_profiles_dialog.py" line="270"/>
        <source>Active. Restart now to connect with it, or it is used the next time the console starts with --profile.</source>
        <translation>已启用。立即重启即可用它连接；否则将在下次以 --profile 启动控制台时使用。</translation>
    </message>
</context>
<context>
    <name>QtRawPayloads</name>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="28"/>
        <source>Raw payloads: {device}</source>
        <translation>原始消息：{device}</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="42"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="58"/>
        <source>Native devices: see the State column</source>
        <translation>原生设备：请查看“状态”列</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="62"/>
        <source>{count} payloads on {topics} topics, newest last</source>
        <translation>{topics} 个主题上共 {count} 条消息，最新的在最后</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="65"/>
        <source>No payload received yet</source>
        <translation>尚未收到消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="74"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="74"/>
        <source>refused as hostile</source>
        <translation>视为恶意而拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="75"/>
        <source>stopped by the time or size budget</source>
        <translation>超出时间或大小限额而中止</translation>
    </message>
    <message>
        <location filename="../../console/ui/devices/qt_raw_payloads.py" line="77"/>
        <source>⚠ {count} template errors ({kinds}); the latest:</source>
        <translation>⚠ {count} 个模板错误（{kinds}）；最近的：</translation>
    </message>
</context>
<context>
    <name>QtRestart</name>
    <message>
        <location filename="../../console/ui/connection/qt_restart.py" line="37"/>
        <source>Restart</source>
        <translation>重启</translation>
    </message>
    <message>
        <location filename="../../console/ui/connection/qt_restart.py" line="38"/>
        <source>Could not start a new console ({p}). This one keeps running; start it with --profile {n} yourself.</source>
        <translation>无法启动新的控制台（{p}）。本控制台继续运行；请自行使用 --profile {n} 启动。</translation>
    </message>
</context>
<context>
    <name>QtRulesEditor</name>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="67"/>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="128"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="67"/>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="128"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="67"/>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="128"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="67"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="68"/>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="129"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="68"/>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="68"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="96"/>
        <source>enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="98"/>
        <source>zones, comma-separated (empty: every zone)</source>
        <translation>区域，用逗号分隔（留空：所有区域）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="100"/>
        <source>device ids or patterns like sensor-* (empty: every device)</source>
        <translation>设备 ID 或通配模式，如 sensor-*（留空：所有设备）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="108"/>
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="109"/>
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="113"/>
        <source>level</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="114"/>
        <source>optional: where the alert ends (hysteresis)</source>
        <translation>可选：告警解除的值（回差）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="116"/>
        <source>device id, or {self} for the device that raised it</source>
        <translation>设备 ID，或用 {self} 表示触发告警的设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="120"/>
        <source>act without asking</source>
        <translation>无需询问即执行</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="121"/>
        <source>act without asking (low-risk commands only; high risk always asks)</source>
        <translation>无需询问直接执行（仅限低风险命令；高风险始终询问）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="129"/>
        <source>Zones</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="130"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="130"/>
        <source>Capability</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="131"/>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="131"/>
        <source>Fires when</source>
        <translation>触发条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="132"/>
        <source>Clears at</source>
        <translation>解除值</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="132"/>
        <source>For (s)</source>
        <translation>持续（秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="133"/>
        <source>After (s)</source>
        <translation>超过（秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="133"/>
        <source>Failures</source>
        <translation>失败次数</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="134"/>
        <source>Within (s)</source>
        <translation>时间窗（秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="134"/>
        <source>Window (s)</source>
        <translation>统计窗口（秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="135"/>
        <source>Minimum samples</source>
        <translation>最少样本数</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="136"/>
        <source>Action: device</source>
        <translation>动作：设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="136"/>
        <source>Action: set</source>
        <translation>动作：设置</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="145"/>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="147"/>
        <source>Save to file</source>
        <translation>保存到文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="149"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="151"/>
        <source>Reload file</source>
        <translation>重新读取文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="199"/>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="199"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="199"/>
        <source>silent (stale)</source>
        <translation>无数据（超时）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="200"/>
        <source>commands failing</source>
        <translation>命令失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="200"/>
        <source>console metric</source>
        <translation>控制台指标</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="203"/>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="203"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="203"/>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="211"/>
        <source>{what} above {level}</source>
        <translation>{what} 高于 {level}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="213"/>
        <source>{what} below {level}</source>
        <translation>{what} 低于 {level}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="215"/>
        <source>, clears at {level}</source>
        <translation>，{level} 时解除</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="217"/>
        <source>, for {s} s</source>
        <translation>，持续 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="220"/>
        <source>offline for {s} s</source>
        <translation>离线 {s} 秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="222"/>
        <source>silent for {s} s</source>
        <translation>{s} 秒无数据</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="223"/>
        <source>{n} failed command(s) within {s} s</source>
        <translation>{s} 秒内 {n} 条命令失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="228"/>
        <source>Rules file: {path}</source>
        <translation>规则文件：{path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="231"/>
        <source>every device</source>
        <translation>所有设备</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="233"/>
        <source>the console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="237"/>
        <source> (without asking)</source>
        <translation>（无需询问）</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="248"/>
        <source>{n} rule(s) in the file could not be read and do not run:</source>
        <translation>文件中有 {n} 条规则无法读取，未运行：</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="359"/>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="362"/>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <location filename="../../console/ui/alerts/qt_rules_editor.py" line="374"/>
        <source>Not deleted: {e}</source>
        <translation>未删除：{e}</translation>
    </message>
</context>
<context>
    <name>Remote</name>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="19"/>
        <source>fix the URL in the model panel</source>
        <translation>在模型面板中改正 URL</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="20"/>
        <source>the Model field of the Model panel&apos;s remote server</source>
        <translation>模型面板远程服务器的“模型”字段</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="21"/>
        <source>Is this an OpenAI-compatible endpoint?</source>
        <translation>这是兼容 OpenAI 的接口吗？</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="22"/>
        <source>Name the model as the server serves it ({setting}), or check the server&apos;s log: it may still be loading.</source>
        <translation>按服务器提供的名称填写模型（{setting}），或查看服务器日志：模型可能仍在加载。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="24"/>
        <source>See the server&apos;s log.</source>
        <translation>请查看服务器日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="25"/>
        <source>(empty answer)</source>
        <translation>（空回答）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="26"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="29"/>
        <source>{count} model(s): {models}</source>
        <translation>{count} 个模型：{models}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="30"/>
        <source>the server does not list the model {model}</source>
        <translation>服务器的模型列表中没有 {model}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="31"/>
        <source>It serves: {models}. Name one of those ({setting}), or leave the name empty for the first one it serves.</source>
        <translation>它提供：{models}。请填写其中之一（{setting}），或留空以使用它提供的第一个模型。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="33"/>
        <source>{url} lists no models</source>
        <translation>{url} 没有列出任何模型</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="34"/>
        <source>{url}/v1/models did not answer with a model list ({error})</source>
        <translation>{url}/v1/models 没有返回模型列表（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="35"/>
        <source>Is this the URL of an OpenAI-compatible server (vLLM, SGLang, llama.cpp)?</source>
        <translation>这是兼容 OpenAI 的服务器（vLLM、SGLang、llama.cpp）的 URL 吗？</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="39"/>
        <source>no server URL given</source>
        <translation>未填写服务器 URL</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="40"/>
        <source>Enter the server URL, e.g. http://localhost:8000/v1.</source>
        <translation>请填写服务器 URL，例如 http://localhost:8000/v1。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="41"/>
        <source>not an http(s) URL: {url}</source>
        <translation>不是 http(s) URL：{url}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="42"/>
        <source>bad port in {url}</source>
        <translation>{url} 中的端口无效</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="43"/>
        <source>Use a URL like http://localhost:8000/v1.</source>
        <translation>请使用类似 http://localhost:8000/v1 的 URL。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="44"/>
        <source>timeouts must be positive (got {read}, {connect})</source>
        <translation>超时必须为正数（当前为 {read}、{connect}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="45"/>
        <source>Set a read timeout of a few seconds or more.</source>
        <translation>请把读取超时设为几秒或更长。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="46"/>
        <source>retries and backoff must not be negative (got {retries}, {backoff})</source>
        <translation>重试次数和退避时间不能为负（当前为 {retries}、{backoff}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="47"/>
        <source>bad request: {problems}</source>
        <translation>请求有误：{problems}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="48"/>
        <source>Fix the generation settings in the model panel.</source>
        <translation>请在模型面板中修改生成设置。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="49"/>
        <source>no messages</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="50"/>
        <source>max new tokens must be at least 1 (got {n})</source>
        <translation>最大新词元数至少为 1（当前为 {n}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="51"/>
        <source>temperature must be between 0 and 2 (got {value})</source>
        <translation>温度必须在 0 到 2 之间（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="52"/>
        <source>top-p must be above 0 and at most 1 (got {value})</source>
        <translation>top-p 必须大于 0 且不超过 1（当前为 {value}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="53"/>
        <source>the request timeout must be positive (got {value} s)</source>
        <translation>请求超时必须为正数（当前为 {value} 秒）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="54"/>
        <source>max input tokens is not applied to a remote server: its own context limit applies</source>
        <translation>最大输入词元数对远程服务器不起作用：以服务器自身的上下文上限为准</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="58"/>
        <source>the remote engine is closed</source>
        <translation>远程引擎已关闭</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="59"/>
        <source>Load the model again.</source>
        <translation>请重新加载模型。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="60"/>
        <source>the remote engine was closed during the request</source>
        <translation>远程引擎在请求过程中被关闭</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="61"/>
        <source>no complete answer from {url} within {s} s</source>
        <translation>{url} 在 {s} 秒内没有给出完整回答</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="62"/>
        <source>The server is slow or overloaded: raise the request timeout or ask for fewer tokens.</source>
        <translation>服务器较慢或过载：请调高请求超时，或减少请求的词元数。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="66"/>
        <source>no connection within {s} s</source>
        <translation>{s} 秒内未能建立连接</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="67"/>
        <source>cannot connect ({reason})</source>
        <translation>无法连接（{reason}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="68"/>
        <source>connection failed ({reason})</source>
        <translation>连接失败（{reason}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="69"/>
        <source>connection lost ({reason})</source>
        <translation>连接中断（{reason}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="70"/>
        <source>HTTP {status}: {message}</source>
        <translation>HTTP 状态 {status}：{message}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="71"/>
        <source>the server ended the stream mid-answer</source>
        <translation>服务器在回答中途结束了数据流</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="72"/>
        <source>no event stream ({error})</source>
        <translation>没有事件流（{error}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="73"/>
        <source>something that is not JSON: {payload}</source>
        <translation>非 JSON 内容：{payload}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="76"/>
        <source>{url} sent nothing for {s} s</source>
        <translation>{url} 已有 {s} 秒没有发送任何内容</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="77"/>
        <source>The server hangs or is overloaded: check it, or raise the read timeout.</source>
        <translation>服务器卡住或过载：请检查服务器，或调高读取超时。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="78"/>
        <source>the server at {url} sent {what}</source>
        <translation>{url} 上的服务器发来了{what}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="79"/>
        <source>the server at {url} rejected the request (HTTP {status}): {message}</source>
        <translation>{url} 上的服务器拒绝了请求（HTTP {status}）：{message}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="80"/>
        <source>The server refused the API key: enter the key it was started with (--api-key).</source>
        <translation>服务器拒绝了该 API 密钥：请填写服务器启动时使用的密钥（--api-key）。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="82"/>
        <source>Check the URL and the model name ({model}): the model list of the server shows what it serves.</source>
        <translation>请检查 URL 和模型名称（{model}）：服务器的模型列表会显示它提供哪些模型。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="84"/>
        <source>The server rejected the request: check max tokens, temperature and top-p, and that the prompt fits the model&apos;s context length.</source>
        <translation>服务器拒绝了请求：请检查最大词元数、温度和 top-p，并确认提示词不超过模型的上下文长度。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="86"/>
        <source>1 attempt</source>
        <translation>尝试 1 次</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="87"/>
        <source>{n} attempts</source>
        <translation>尝试 {n} 次</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="88"/>
        <source>the connection to the model server at {url} broke before any text ({error}; {tries})</source>
        <translation>与 {url} 上模型服务器的连接在收到任何文本前中断（{error}；{tries}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="90"/>
        <source>The server stopped or crashed mid-request: check that it is running, and its log.</source>
        <translation>服务器在请求中途停止或崩溃：请确认它仍在运行，并查看其日志。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="92"/>
        <source>cannot reach the model server at {url} ({error}; {tries})</source>
        <translation>无法连接 {url} 上的模型服务器（{error}；{tries}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="93"/>
        <source>Is vLLM or SGLang running at {url}? Start it with `vllm serve MODEL --port {port}` or `python -m sglang.launch_server --model-path MODEL --port {port}` (or llama.cpp: `python -m llama_cpp.server --model FILE.gguf --port {port}`), or {fix}.</source>
        <translation>{url} 上是否在运行 vLLM 或 SGLang？用 `vllm serve MODEL --port {port}` 或 `python -m sglang.launch_server --model-path MODEL --port {port}` 启动它（或 llama.cpp：`python -m llama_cpp.server --model FILE.gguf --port {port}`），或者{fix}。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="97"/>
        <source>the model server at {url} is busy ({error}; {tries})</source>
        <translation>{url} 上的模型服务器繁忙（{error}；{tries}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="98"/>
        <source>It is rate-limiting requests: wait a moment, or lower the load.</source>
        <translation>它正在限流：请稍候，或降低负载。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="99"/>
        <source>the model server at {url} failed ({error}; {tries})</source>
        <translation>{url} 上的模型服务器出错（{error}；{tries}）</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="100"/>
        <source>The server is up but failing: its log says why (out of memory, model still loading, …).</source>
        <translation>服务器在运行但出错：原因见其日志（内存不足、模型仍在加载……）。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="102"/>
        <source>the stream from {url} broke after {n} pieces: {error}</source>
        <translation>来自 {url} 的数据流在 {n} 段之后中断：{error}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="103"/>
        <source>The server stopped or lost the connection mid-answer; check that it is still running (its log says why).</source>
        <translation>服务器在回答中途停止或断开了连接；请确认它仍在运行（原因见其日志）。</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="105"/>
        <source>the server failed: {message}</source>
        <translation>服务器出错：{message}</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="106"/>
        <source>the server at {url} ended the stream without an answer</source>
        <translation>{url} 上的服务器没有给出回答就结束了数据流</translation>
    </message>
    <message>
        <location filename="../../console/core/inference/remote/words.py" line="107"/>
        <source>Its log says why. A prompt longer than the model&apos;s context length does this on llama.cpp&apos;s server: shorten the prompt or the history.</source>
        <translation>原因见其日志。在 llama.cpp 的服务器上，提示词超过模型上下文长度时会这样：请缩短提示词或历史。</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../console/ui/shell/qt_app.py" line="299"/>
        <source>AutoGLM Console</source>
        <translation>AutoGLM 控制台</translation>
    </message>
</context>
</TS>
