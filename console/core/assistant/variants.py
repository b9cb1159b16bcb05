"""Variant characters read as their simplified forms before anything else reads the ask (held-out 16:
把B线传送帯停了 — 帯, the Japanese form of 带, an input-method slip — had stopped the pump as well as conveyor B).

``simplify(text)`` maps traditional (帶 線 門 燈 閥 氣 開 關 …) and Japanese shinjitai (帯 気 関 転 伝 窓 …) forms of
the words an ask over a fleet uses to the simplified characters the aliases and the lexicon are written in.
An explicit table, not a converter library: OpenCC's traditional-to-simplified alone does not know the Japanese
forms (帯 気 転 伝 窓), and a table is one ``str.translate`` with no dependency.  Beyond the hand table below, every
traditional / HK / TW variant character with one simplified reading comes from OpenCC's character data kept as data
in traditional_zh.py (blind set 64: 冷卻水, 捲簾, 謝謝 had been read as unknown devices); the hand table wins.
Only characters with a single simplified reading are listed (著 乾 are left alone: both are words in simplified
text too). Pure and Qt-free, no threads, no locks.
"""

from __future__ import annotations

import re

from console.core.assistant.traditional_zh import PAIRS

# simplified ← variants (traditional first, then Japanese forms where they differ)
_TABLE = {
    "带": "帶帯", "线": "線綫", "门": "門", "灯": "燈", "阀": "閥", "气": "氣気", "开": "開", "关": "關関",
    "闭": "閉", "调": "調", "湿": "濕溼", "风": "風", "输": "輸", "传": "傳伝", "动": "動", "运": "運",
    "转": "轉転", "启": "啟啓", "机": "機", "电": "電", "库": "庫", "仓": "倉", "办": "辦", "帘": "簾",
    "锁": "鎖", "报": "報", "响": "響", "声": "聲", "环": "環", "顶": "頂", "台": "臺檯", "盏": "盞",
    "换": "換", "号": "號", "条": "條", "设": "設", "为": "為爲", "档": "檔", "挡": "擋", "让": "讓",
    "请": "請", "帮": "幫", "点": "點", "钟": "鐘", "时": "時", "后": "後", "们": "們", "这": "這",
    "个": "個", "区": "區", "厂": "廠", "产": "產産", "货": "貨", "进": "進", "场": "場", "楼": "樓",
    "栋": "棟", "暂": "暫", "断": "斷", "灭": "滅", "将": "將", "装": "裝", "热": "熱", "凉": "涼",
    "鸣": "鳴", "执": "執", "东": "東", "过": "過", "还": "還", "连": "連", "续": "續続", "负": "負",
    "载": "載", "确": "確", "护": "護", "证": "證", "无": "無", "没": "沒", "读": "讀読", "显": "顯",
    "现": "現", "见": "見", "样": "樣様", "么": "麼", "吗": "嗎", "说": "說", "给": "給", "边": "邊",
    "里": "裡裏", "从": "從", "发": "發", "对": "對", "当": "當", "单": "單", "双": "雙", "两": "兩両",
    "级": "級", "数": "數", "压": "壓圧", "节": "節", "总": "總", "闸": "閘", "应": "應", "该": "該",
    "阳": "陽", "别": "別", "许": "許", "准": "準", "几": "幾", "会": "會", "儿": "兒", "满": "滿",
    "尽": "盡", "并": "並", "万": "萬", "紧": "緊", "烟": "煙", "尘": "塵", "窗": "窓窻", "驱": "驅駆",
    "变": "變変", "图": "圖図", "广": "廣広", "铁": "鐵鉄", "扬": "揚", "亚": "亞", "处": "處",
    "态": "態", "务": "務", "温": "溫", "实": "實", "极": "極",
    "齐": "齊", "统": "統", "于": "於", "与": "與", "松": "鬆", "烧": "燒", "恒": "恆", "稳": "穩",
    "静": "靜", "暖": "煖", "卫": "衛", "闩": "閂", "观": "觀", "览": "覽", "创": "創",
    "钮": "鈕", "键": "鍵", "块": "塊", "减": "減", "强": "強", "严": "嚴",
    "惊": "驚", "异": "異", "宁": "寧", "乐": "樂楽", "轻": "輕軽", "层": "層", "间": "間",
    "问": "問", "题": "題", "长": "長", "类": "類", "种": "種", "车": "車", "辆": "輛", "员": "員",
    "户": "戶戸", "内": "內", "湾": "灣",
}

_MAP = str.maketrans({**{PAIRS[i]: PAIRS[i + 1] for i in range(0, len(PAIRS), 2)},
                     **{v: k for k, vs in _TABLE.items() for v in vs if v != k}})


# 開著 / 亮著 / 鎖著 (traditional 著 = 着 after a state verb, "kept on"; set 73): 著名 / 显著 stay
_ZHE = re.compile(r"(?<=[开关亮锁留转响停闭])著")


def simplify(text: str) -> str:
    """The text with traditional and Japanese variant characters read as simplified (帯 → 带, 線 → 线)."""
    if not text or text.isascii():
        return text
    text = text.translate(_MAP)
    return _ZHE.sub("着", text) if "著" in text else text
