//! Output of `kano analyze`: the [`Analysis`] as an aligned terminal table, a Markdown
//! report, or the JSON contract.
//!
//! - `json`: the [`Analysis`] serialised, pretty-printed, ending with a newline; numbers
//!   unrounded; documented field by field in `docs/analysis-methods.md`.
//! - `md` and `table`: for people. Both are built from the same blocks (headings, notes,
//!   grids), so they always show the same figures: rounded half away from zero ([`fixed`]),
//!   `—` where a figure is undefined, each section naming its method and variants. The
//!   table measures text in display columns (`unicode-width`) so Chinese lines up, and cuts
//!   long texts with `…`; Markdown keeps them whole and adds each journey's Mermaid diagram.
//!
//! Fixed wording follows the label language (`--lang`, default the workshop's): English,
//! Simplified or Traditional Chinese. The workshop's own text is never translated.
//! Pure formatting: no file access.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::classify::fixed;
use crate::analysis::Analysis;
use crate::analysis::ipa::IpaPoint;
use crate::analysis::servqual::{Overall, Source};
use crate::model::{Language, Metric};

/// The output formats of `kano analyze`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Aligned plain-text tables for the terminal.
    #[default]
    Table,
    /// A Markdown report with rounded figures, method notes and Mermaid journeys.
    Md,
    /// The documented JSON contract, unrounded.
    Json,
}

/// Fixed wording in one language.
#[derive(Debug, Clone, Copy)]
struct Words {
    title: &'static str,
    colon: &'static str,
    as_of: &'static str,
    groups: &'static str,
    undefined_note: &'static str,
    // SERVQUAL
    servqual: &'static str,
    src_responses: &'static str,
    src_items: &'static str,
    src_dimensions: &'static str,
    src_none: &'static str,
    scale: &'static str,
    gap_note: &'static str,
    dimension: &'static str,
    expectation: &'static str,
    perception: &'static str,
    gap: &'static str,
    items: &'static str,
    items_title: &'static str,
    n: &'static str,
    overall: &'static str,
    value: &'static str,
    variant: &'static str,
    basis: &'static str,
    unweighted: &'static str,
    weighted: &'static str,
    item_level: &'static str,
    dimensions_word: &'static str,
    respondents_word: &'static str,
    items_word: &'static str,
    item: &'static str,
    statement: &'static str,
    importance: &'static str,
    performance: &'static str,
    quadrant: &'static str,
    ipa: &'static str,
    ipa_note: &'static str,
    crosshair: &'static str,
    ipa_items: &'static str,
    ipa_dimensions: &'static str,
    crosshair_names: [&'static str; 4],
    zone: &'static str,
    adequate: &'static str,
    desired: &'static str,
    perceived: &'static str,
    position: &'static str,
    status: &'static str,
    // metrics
    metrics: &'static str,
    group: &'static str,
    step: &'static str,
    touchpoint: &'static str,
    metric: &'static str,
    score: &'static str,
    mean: &'static str,
    details: &'static str,
    target: &'static str,
    no_answers: &'static str,
    promoters: &'static str,
    detractors: &'static str,
    agree: &'static str,
    lower_better: &'static str,
    metrics_note: &'static str,
    // market damage
    market_damage: &'static str,
    customers: &'static str,
    repurchase: &'static str,
    lost: &'static str,
    not_complained: &'static str,
    complained_unresolved: &'static str,
    complained_resolved: &'static str,
    total: &'static str,
    revenue_at_risk: &'static str,
    word_of_mouth: &'static str,
    sensitivity: &'static str,
    complaint_rate: &'static str,
    resolution_rate: &'static str,
    kept: &'static str,
    revenue_kept: &'static str,
    wom_loss: &'static str,
    inputs: &'static str,
    lost_share: &'static str,
    value_per_customer: &'static str,
    unhappy: &'static str,
    reach: &'static str,
    deterred: &'static str,
    // journeys
    journeys: &'static str,
    journey: &'static str,
    steps: &'static str,
    average: &'static str,
    peak: &'static str,
    valleys: &'static str,
    end: &'static str,
    peak_end: &'static str,
    trough_end: &'static str,
    covered: &'static str,
    missing: &'static str,
    journeys_note: &'static str,
    mermaid_note: &'static str,
    // proposals
    proposals: &'static str,
    rank: &'static str,
    proposal: &'static str,
    move_: &'static str,
    professionalism: &'static str,
    ease: &'static str,
    quick_win: &'static str,
    proposals_note: &'static str,
    // 3-2-1
    summary: &'static str,
    summaries: &'static str,
    takeaways: &'static str,
    tools: &'static str,
    count: &'static str,
    takeaway: &'static str,
    tool: &'static str,
    proposal_title: &'static str,
    cited_once: &'static str,
    actions: &'static str,
    due: &'static str,
    owner: &'static str,
    action: &'static str,
    by: &'static str,
    overdue: &'static str,
    due_today: &'static str,
    due_in: &'static str,
    days: &'static str,
    invalid_date: &'static str,
    // pk
    pk: &'static str,
    name: &'static str,
    percent: &'static str,
    comments: &'static str,
    ties_note: &'static str,
}

const EN: Words = Words {
    title: "Workshop analysis",
    colon: ": ",
    as_of: "as of",
    groups: "groups",
    undefined_note: "— marks a figure that is undefined (no data).",
    servqual: "SERVQUAL",
    src_responses: "raw responses",
    src_items: "item means",
    src_dimensions: "dimension means",
    src_none: "no expectation/perception data",
    scale: "scale",
    gap_note: "gap = P − E (negative = shortfall)",
    dimension: "dimension",
    expectation: "E",
    perception: "P",
    gap: "gap",
    items: "items",
    items_title: "Items and IPA",
    n: "n",
    overall: "overall score",
    value: "value",
    variant: "variant",
    basis: "basis",
    unweighted: "unweighted SERVQUAL (SQ_u)",
    weighted: "weighted SERVQUAL (SQ_w)",
    item_level: "item-level overall",
    dimensions_word: "dimensions",
    respondents_word: "respondents",
    items_word: "items",
    item: "item",
    statement: "statement",
    importance: "importance",
    performance: "performance",
    quadrant: "IPA quadrant",
    ipa: "Importance–performance analysis",
    ipa_note: "ties count as high (Martilla & James 1977)",
    crosshair: "crosshair",
    ipa_items: "items",
    ipa_dimensions: "dimensions; importance = mean of the 100 points",
    crosshair_names: ["the means", "the medians", "the scale midpoints", "given values"],
    zone: "Zone of tolerance",
    adequate: "adequate",
    desired: "desired",
    perceived: "perceived",
    position: "position",
    status: "status",
    metrics: "Customer metrics",
    group: "group",
    step: "step",
    touchpoint: "touchpoint",
    metric: "metric",
    score: "score",
    mean: "mean",
    details: "details",
    target: "target",
    no_answers: "no answers",
    promoters: "promoters",
    detractors: "detractors",
    agree: "agree",
    lower_better: "lower is better",
    metrics_note: "NPS = % promoters (9–10) − % detractors (0–6), ± its standard error; CSAT score = % in the top two boxes (4–5), mean beside it; CES 2.0 = mean on 1–7, higher is easier, % agree = 5–7; CES 1.0 = mean on 1–5, lower is better.",
    market_damage: "Market damage (TARP)",
    customers: "customers",
    repurchase: "repurchase",
    lost: "lost",
    not_complained: "did not complain",
    complained_unresolved: "complained, unresolved",
    complained_resolved: "complained, resolved",
    total: "total",
    revenue_at_risk: "revenue at risk",
    word_of_mouth: "word of mouth",
    sensitivity: "What raising the complaint and resolution rates buys",
    complaint_rate: "complaint rate",
    resolution_rate: "resolution rate",
    kept: "customers kept",
    revenue_kept: "revenue kept",
    wom_loss: "word-of-mouth loss",
    inputs: "inputs",
    lost_share: "% of N_p lost",
    value_per_customer: "value per customer",
    unhappy: "unhappy customers",
    reach: "reached",
    deterred: "deterred",
    journeys: "Journeys (peak–end)",
    journey: "journey",
    steps: "steps",
    average: "average",
    peak: "peak",
    valleys: "valleys",
    end: "end",
    peak_end: "peak–end",
    trough_end: "trough–end",
    covered: "key touchpoints",
    missing: "missing kinds",
    journeys_note: "Heuristics (Kahneman et al. 1993; Chase & Dasu 2001): average = mean score; valleys = local minima that are the lowest or below mean − 1 SD; peak–end = (highest + end) / 2; trough–end = (lowest + end) / 2 for a painful episode.",
    mermaid_note: "Mermaid journey diagrams: --format md or json.",
    proposals: "Proposals (three-degree evaluation)",
    rank: "rank",
    proposal: "proposal",
    move_: "move",
    professionalism: "prof.",
    ease: "ease",
    quick_win: "quick win",
    proposals_note: "score = mean of professionalism, ease and perception; ranked by score, ties by perception (= marks a shared rank); quick win = ease and perception both above the scale's midpoint.",
    summary: "3-2-1 summary",
    summaries: "summaries",
    takeaways: "Most-cited takeaways",
    tools: "Most-cited tools",
    count: "count",
    takeaway: "takeaway",
    tool: "tool",
    proposal_title: "title",
    cited_once: "more cited once",
    actions: "Action plans",
    due: "due",
    owner: "owner",
    action: "action",
    by: "written by",
    overdue: "overdue",
    due_today: "due today",
    due_in: "due in",
    days: "d",
    invalid_date: "invalid date",
    pk: "Group PK",
    name: "name",
    percent: "%",
    comments: "Facilitator's comments",
    ties_note: "= marks a shared rank.",
};

const ZH_CN: Words = Words {
    title: "工作坊数据分析",
    colon: "：",
    as_of: "截至",
    groups: "个小组",
    undefined_note: "— 表示无数据、无法计算。",
    servqual: "SERVQUAL 服务质量",
    src_responses: "原始问卷",
    src_items: "题项均值",
    src_dimensions: "维度均值",
    src_none: "无期望/感知数据",
    scale: "量表",
    gap_note: "差距 = 感知 − 期望（负值为不足）",
    dimension: "维度",
    expectation: "期望",
    perception: "感知",
    gap: "差距",
    items: "题数",
    items_title: "题项与IPA",
    n: "样本",
    overall: "总分",
    value: "数值",
    variant: "口径",
    basis: "基础",
    unweighted: "未加权 SERVQUAL（SQ_u）",
    weighted: "加权 SERVQUAL（SQ_w）",
    item_level: "题项平均差距",
    dimensions_word: "个维度",
    respondents_word: "位受访者",
    items_word: "道题",
    item: "题项",
    statement: "陈述",
    importance: "重要性",
    performance: "表现",
    quadrant: "IPA象限",
    ipa: "重要性—表现分析（IPA）",
    ipa_note: "落在线上算“高”（Martilla & James 1977）",
    crosshair: "十字线",
    ipa_items: "题项",
    ipa_dimensions: "维度；重要性 = 100分权重均值",
    crosshair_names: ["均值", "中位数", "量表中点", "指定值"],
    zone: "容忍区域",
    adequate: "适当服务",
    desired: "理想服务",
    perceived: "实际感知",
    position: "位置",
    status: "判断",
    metrics: "客户满意评价指标",
    group: "小组",
    step: "步骤",
    touchpoint: "触点",
    metric: "指标",
    score: "得分",
    mean: "均值",
    details: "说明",
    target: "目标",
    no_answers: "暂无数据",
    promoters: "推荐者",
    detractors: "贬损者",
    agree: "认同",
    lower_better: "越低越好",
    metrics_note: "NPS = 推荐者(9–10)占比 − 贬损者(0–6)占比，± 标准误；CSAT 得分 = 4–5分占比（top-2-box），另列均值；CES 2.0 = 1–7分均值，越高越省力，认同 = 5–7分占比；CES 1.0 = 1–5分均值，越低越好。",
    market_damage: "体验损害模型（TARP）",
    customers: "客户数",
    repurchase: "复购率",
    lost: "流失",
    not_complained: "未投诉",
    complained_unresolved: "投诉未解决",
    complained_resolved: "投诉已解决",
    total: "合计",
    revenue_at_risk: "流失价值",
    word_of_mouth: "口碑影响",
    sensitivity: "提高投诉率与解决率的效果",
    complaint_rate: "投诉率",
    resolution_rate: "解决率",
    kept: "挽留客户",
    revenue_kept: "挽留价值",
    wom_loss: "口碑损失",
    inputs: "输入",
    lost_share: "% 流失",
    value_per_customer: "单客价值",
    unhappy: "位不满客户",
    reach: "人听说",
    deterred: "人因此放弃",
    journeys: "客户旅程（峰终定律）",
    journey: "旅程",
    steps: "步骤数",
    average: "平均线",
    peak: "波峰",
    valleys: "波谷",
    end: "末触点",
    peak_end: "峰终估计",
    trough_end: "谷终估计",
    covered: "关键触点",
    missing: "缺少的触点类型",
    journeys_note: "经验法则（Kahneman 等 1993；Chase & Dasu 2001）：平均线 = 各步情绪分均值；波谷 = 最低或低于“均值 − 1个标准差”的局部低点；峰终估计 = (最高分 + 末步分) / 2；痛苦经历用谷终估计 = (最低分 + 末步分) / 2。",
    mermaid_note: "Mermaid 旅程图：见 --format md 或 json。",
    proposals: "优化方案（方案3度评价）",
    rank: "排名",
    proposal: "方案",
    move_: "类型",
    professionalism: "专业度",
    ease: "难易度",
    quick_win: "速赢",
    proposals_note: "得分 = 服务专业度、投入难易度、客户满意感知度三项均值；按得分排序，同分看感知度（= 表示并列）；速赢 = 难易度与感知度均高于量表中点。",
    summary: "课程3-2-1总结",
    summaries: "份总结",
    takeaways: "提及最多的收获",
    tools: "提及最多的工具",
    count: "次数",
    takeaway: "收获",
    tool: "工具",
    proposal_title: "方案名称",
    cited_once: "项各提及一次",
    actions: "行动计划",
    due: "完成日期",
    owner: "负责人",
    action: "行动",
    by: "填写人",
    overdue: "已逾期",
    due_today: "今天到期",
    due_in: "还剩",
    days: "天",
    invalid_date: "日期无效",
    pk: "分组PK",
    name: "名称",
    percent: "得分率",
    comments: "老师点评",
    ties_note: "= 表示并列。",
};

const ZH_TW: Words = Words {
    title: "工作坊數據分析",
    colon: "：",
    as_of: "截至",
    groups: "個小組",
    undefined_note: "— 表示無數據、無法計算。",
    servqual: "SERVQUAL 服務品質",
    src_responses: "原始問卷",
    src_items: "題項均值",
    src_dimensions: "維度均值",
    src_none: "無期望/感知數據",
    scale: "量表",
    gap_note: "差距 = 感知 − 期望（負值為不足）",
    dimension: "維度",
    expectation: "期望",
    perception: "感知",
    gap: "差距",
    items: "題數",
    items_title: "題項與IPA",
    n: "樣本",
    overall: "總分",
    value: "數值",
    variant: "口徑",
    basis: "基礎",
    unweighted: "未加權 SERVQUAL（SQ_u）",
    weighted: "加權 SERVQUAL（SQ_w）",
    item_level: "題項平均差距",
    dimensions_word: "個維度",
    respondents_word: "位受訪者",
    items_word: "道題",
    item: "題項",
    statement: "陳述",
    importance: "重要性",
    performance: "表現",
    quadrant: "IPA象限",
    ipa: "重要性—表現分析（IPA）",
    ipa_note: "落在線上算「高」（Martilla & James 1977）",
    crosshair: "十字線",
    ipa_items: "題項",
    ipa_dimensions: "維度；重要性 = 100分權重均值",
    crosshair_names: ["均值", "中位數", "量表中點", "指定值"],
    zone: "容忍區域",
    adequate: "適當服務",
    desired: "理想服務",
    perceived: "實際感知",
    position: "位置",
    status: "判斷",
    metrics: "客戶滿意評價指標",
    group: "小組",
    step: "步驟",
    touchpoint: "觸點",
    metric: "指標",
    score: "得分",
    mean: "均值",
    details: "說明",
    target: "目標",
    no_answers: "暫無數據",
    promoters: "推薦者",
    detractors: "貶損者",
    agree: "認同",
    lower_better: "越低越好",
    metrics_note: "NPS = 推薦者(9–10)佔比 − 貶損者(0–6)佔比，± 標準誤；CSAT 得分 = 4–5分佔比（top-2-box），另列均值；CES 2.0 = 1–7分均值，越高越省力，認同 = 5–7分佔比；CES 1.0 = 1–5分均值，越低越好。",
    market_damage: "體驗損害模型（TARP）",
    customers: "客戶數",
    repurchase: "回購率",
    lost: "流失",
    not_complained: "未投訴",
    complained_unresolved: "投訴未解決",
    complained_resolved: "投訴已解決",
    total: "合計",
    revenue_at_risk: "流失價值",
    word_of_mouth: "口碑影響",
    sensitivity: "提高投訴率與解決率的效果",
    complaint_rate: "投訴率",
    resolution_rate: "解決率",
    kept: "挽留客戶",
    revenue_kept: "挽留價值",
    wom_loss: "口碑損失",
    inputs: "輸入",
    lost_share: "% 流失",
    value_per_customer: "單客價值",
    unhappy: "位不滿客戶",
    reach: "人聽說",
    deterred: "人因此放棄",
    journeys: "客戶旅程（峰終定律）",
    journey: "旅程",
    steps: "步驟數",
    average: "平均線",
    peak: "波峰",
    valleys: "波谷",
    end: "末觸點",
    peak_end: "峰終估計",
    trough_end: "谷終估計",
    covered: "關鍵觸點",
    missing: "缺少的觸點類型",
    journeys_note: "經驗法則（Kahneman 等 1993；Chase & Dasu 2001）：平均線 = 各步情緒分均值；波谷 = 最低或低於「均值 − 1個標準差」的局部低點；峰終估計 = (最高分 + 末步分) / 2；痛苦經歷用谷終估計 = (最低分 + 末步分) / 2。",
    mermaid_note: "Mermaid 旅程圖：見 --format md 或 json。",
    proposals: "優化方案（方案3度評價）",
    rank: "排名",
    proposal: "方案",
    move_: "類型",
    professionalism: "專業度",
    ease: "難易度",
    quick_win: "速贏",
    proposals_note: "得分 = 服務專業度、投入難易度、客戶滿意感知度三項均值；按得分排序，同分看感知度（= 表示並列）；速贏 = 難易度與感知度均高於量表中點。",
    summary: "課程3-2-1總結",
    summaries: "份總結",
    takeaways: "提及最多的收穫",
    tools: "提及最多的工具",
    count: "次數",
    takeaway: "收穫",
    tool: "工具",
    proposal_title: "方案名稱",
    cited_once: "項各提及一次",
    actions: "行動計劃",
    due: "完成日期",
    owner: "負責人",
    action: "行動",
    by: "填寫人",
    overdue: "已逾期",
    due_today: "今天到期",
    due_in: "還剩",
    days: "天",
    invalid_date: "日期無效",
    pk: "分組PK",
    name: "名稱",
    percent: "得分率",
    comments: "老師點評",
    ties_note: "= 表示並列。",
};

fn words(lang: Language) -> &'static Words {
    match lang {
        Language::En => &EN,
        Language::ZhCn => &ZH_CN,
        Language::ZhTw => &ZH_TW,
    }
}

/// A table: header, alignment, rows, and the widest a cell may be in the terminal.
#[derive(Debug, Clone, Default)]
struct Grid {
    header: Vec<String>,
    right: Vec<bool>,
    max: Vec<Option<usize>>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// Columns: (title, right-aligned, widest in the terminal).
    fn new(cols: &[(&str, bool, Option<usize>)]) -> Grid {
        Grid {
            header: cols.iter().map(|c| c.0.to_owned()).collect(),
            right: cols.iter().map(|c| c.1).collect(),
            max: cols.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// What a report is made of.
#[derive(Debug, Clone)]
enum Block {
    /// A section title (level 2) or sub-title (level 3).
    Heading(u8, String),
    /// A paragraph.
    Note(String),
    /// A table.
    Grid(Grid),
    /// A titled Mermaid diagram (Markdown only).
    Mermaid(String, String),
}

const UNDEFINED: &str = "—";

/// `x` with `d` decimals, or `—`.
fn num(x: Option<f64>, d: usize) -> String {
    x.and_then(|v| fixed(v, d)).unwrap_or_else(|| UNDEFINED.to_owned())
}

/// `x` with `d` decimals followed by `%`, or `—`.
fn pct(x: Option<f64>, d: usize) -> String {
    x.and_then(|v| fixed(v, d)).map_or_else(|| UNDEFINED.to_owned(), |s| s + "%")
}

/// A share of 1 as a percentage.
fn share(x: f64) -> String {
    pct(Some(x * 100.0), 1)
}

/// A whole amount with thousands separators: 6 912 450 → `6,912,450`.
fn amount(x: f64) -> String {
    grouped(x, 0)
}

/// `x` with `d` decimals and thousands separators: `12,131.3`.
fn grouped(x: f64, d: usize) -> String {
    let Some(s) = fixed(x, d) else { return UNDEFINED.to_owned() };
    let (sign, rest) = s.strip_prefix('-').map_or(("", s.as_str()), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A short number as typed: 5, 4.5.
fn plain(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 { format!("{x:.0}") } else { num(Some(x), 2) }
}

/// `a, b` in the language's list style.
fn list(items: &[String], lang: Language) -> String {
    items.join(if lang == Language::En { ", " } else { "、" })
}

fn overall_row(g: &mut Grid, label: &str, o: &Overall, w: &Words) {
    let basis = match o.variant {
        "unweighted" => format!("{} {}", o.n, w.dimensions_word),
        "weighted" => format!("{} {}", o.n, w.respondents_word),
        "item-level" => format!("{} {}", o.n, w.items_word),
        _ => format!("{} {}", o.n, w.dimensions_word),
    };
    let basis = match &o.note {
        Some(n) => format!("{basis}; {n}"),
        None => basis,
    };
    g.row(vec![label.to_owned(), num(o.value, 3), o.variant.to_owned(), basis]);
}

/// Build the report's blocks.
fn blocks(a: &Analysis) -> Vec<Block> {
    let lang = a.options.lang;
    let w = words(lang);
    let mut out = Vec::new();
    out.push(Block::Heading(1, format!("{}{}{}", w.title, w.colon, a.workshop.title)));
    let dates = match &a.workshop.end_date {
        Some(e) if *e != a.workshop.date => format!("{} – {e}", a.workshop.date),
        _ => a.workshop.date.clone(),
    };
    out.push(Block::Note(format!(
        "{} · {dates} · {} {} · {} {}",
        a.workshop.organisation, a.workshop.groups, w.groups, w.as_of, a.options.as_of
    )));
    servqual_blocks(a, w, &mut out);
    metric_blocks(a, w, &mut out);
    market_blocks(a, w, &mut out);
    journey_blocks(a, w, &mut out);
    proposal_blocks(a, w, &mut out);
    summary_blocks(a, w, &mut out);
    pk_blocks(a, w, &mut out);
    out.push(Block::Note(w.undefined_note.to_owned()));
    out
}

fn servqual_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(sq) = &a.servqual else { return };
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.servqual.to_owned()));
    let source = match sq.source {
        Source::Responses => {
            format!("{} ({} {})", w.src_responses, sq.respondents.unwrap_or(0), w.respondents_word)
        }
        Source::Items => format!("{} ({} {})", w.src_items, sq.items.len(), w.items_word),
        Source::Dimensions => w.src_dimensions.to_owned(),
        Source::None => w.src_none.to_owned(),
    };
    let method = sq.dimensions.first().map_or("", |d| d.method);
    out.push(Block::Note(format!(
        "{source} · {} {}..{} · {} · {method}",
        w.scale,
        plain(sq.scale.min),
        plain(sq.scale.max),
        w.gap_note
    )));
    if sq.source != Source::None {
        let mut g = Grid::new(&[
            (w.dimension, false, None),
            (w.expectation, true, None),
            (w.perception, true, None),
            (w.gap, true, None),
            (w.items, true, None),
            (w.n, true, None),
        ]);
        for d in &sq.dimensions {
            g.row(vec![
                d.label.to_owned(),
                num(d.expectation, 2),
                num(d.perception, 2),
                num(d.gap, 2),
                d.n_items.map_or_else(|| UNDEFINED.to_owned(), |n| n.to_string()),
                d.n.map_or_else(|| UNDEFINED.to_owned(), |n| n.to_string()),
            ]);
        }
        out.push(Block::Grid(g));
        let mut g = Grid::new(&[
            (w.overall, false, None),
            (w.value, true, None),
            (w.variant, false, None),
            (w.basis, false, Some(60)),
        ]);
        overall_row(&mut g, w.unweighted, &sq.unweighted, w);
        if let Some(o) = &sq.weighted {
            overall_row(&mut g, w.weighted, o, w);
        }
        if let Some(o) = &sq.item_overall {
            overall_row(&mut g, w.item_level, o, w);
        }
        out.push(Block::Grid(g));
        let mut methods = vec![sq.unweighted.method];
        methods.extend(sq.weighted.as_ref().map(|o| o.method));
        methods.extend(sq.item_overall.as_ref().map(|o| o.method));
        out.push(Block::Note(methods.join(" · ")));
    }
    if !sq.items.is_empty() {
        out.push(Block::Heading(3, w.items_title.to_owned()));
        let quad = |id: &str| -> Option<&IpaPoint> { sq.ipa.iter().find(|p| p.id == id) };
        let mut g = Grid::new(&[
            (w.item, false, None),
            (w.dimension, false, None),
            (w.expectation, true, None),
            (w.perception, true, None),
            (w.gap, true, None),
            (w.n, true, None),
            (w.importance, true, None),
            (w.quadrant, false, None),
            (w.statement, false, Some(30)),
        ]);
        for it in &sq.items {
            g.row(vec![
                it.id.clone(),
                it.dimension.label(lang).to_owned(),
                num(it.expectation, 2),
                num(it.perception, 2),
                num(it.gap, 2),
                it.n.to_string(),
                num(it.importance, 2),
                quad(&it.id).map_or_else(|| UNDEFINED.to_owned(), |p| p.quadrant_label.to_owned()),
                it.statement.clone().unwrap_or_default(),
            ]);
        }
        out.push(Block::Grid(g));
    } else if !sq.ipa.is_empty() {
        out.push(Block::Heading(3, w.ipa.to_owned()));
        let mut g = Grid::new(&[
            (w.dimension, false, None),
            (w.importance, true, None),
            (w.performance, true, None),
            (w.quadrant, false, None),
        ]);
        for p in &sq.ipa {
            g.row(vec![
                p.label.clone(),
                num(Some(p.importance), 1),
                num(Some(p.performance), 2),
                p.quadrant_label.to_owned(),
            ]);
        }
        out.push(Block::Grid(g));
    }
    if let Some(c) = &sq.ipa_crosshair {
        let at = match c.lines.method {
            "mean" => w.crosshair_names[0],
            "median" => w.crosshair_names[1],
            "scale-mid" => w.crosshair_names[2],
            _ => w.crosshair_names[3],
        };
        let level = if c.level == "items" { w.ipa_items } else { w.ipa_dimensions };
        out.push(Block::Note(format!(
            "IPA ({level}){}{} = {at} ({} {}, {} {}); {}",
            w.colon,
            w.crosshair,
            w.performance,
            num(Some(c.lines.performance), 2),
            w.importance,
            num(Some(c.lines.importance), 2),
            w.ipa_note
        )));
    }
    if !sq.zone_of_tolerance.is_empty() {
        out.push(Block::Heading(3, w.zone.to_owned()));
        let mut g = Grid::new(&[
            (w.dimension, false, None),
            (w.adequate, true, None),
            (w.desired, true, None),
            (w.perceived, true, None),
            ("MSA", true, None),
            ("MSS", true, None),
            (w.position, true, None),
            (w.status, false, None),
        ]);
        for z in &sq.zone_of_tolerance {
            g.row(vec![
                z.label.to_owned(),
                num(Some(z.adequate), 2),
                num(Some(z.desired), 2),
                num(Some(z.perceived), 2),
                num(Some(z.msa), 2),
                num(Some(z.mss), 2),
                num(z.position, 2),
                z.status.label(lang).to_owned(),
            ]);
        }
        out.push(Block::Grid(g));
        if let Some(z) = sq.zone_of_tolerance.first() {
            out.push(Block::Note(z.method.to_owned()));
        }
    }
}

fn metric_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.metrics.is_empty() {
        return;
    }
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.metrics.to_owned()));
    let mut g = Grid::new(&[
        (w.group, false, None),
        (w.step, false, None),
        (w.touchpoint, false, Some(14)),
        (w.metric, false, None),
        (w.variant, false, None),
        (w.n, true, None),
        (w.score, true, None),
        (w.mean, true, None),
        (w.details, false, None),
        (w.target, false, Some(22)),
    ]);
    for m in &a.metrics {
        let f = &m.figures;
        let score = match f.kind {
            Metric::Nps => num(f.score, 1),
            Metric::Csat => pct(f.score, 1),
            Metric::Ces => num(f.score, 2),
        };
        let details = if f.n == 0 {
            w.no_answers.to_owned()
        } else {
            match (f.kind, f.variant) {
                (Metric::Nps, _) => format!(
                    "±{} · {} {} · {} {}",
                    num(f.se, 1),
                    w.promoters,
                    pct(f.promoters_pct, 1),
                    w.detractors,
                    pct(f.detractors_pct, 1)
                ),
                (Metric::Csat, _) => "top-2-box".to_owned(),
                (Metric::Ces, "ces-1.0") => w.lower_better.to_owned(),
                (Metric::Ces, _) => format!("{} {}", w.agree, pct(f.agree_pct, 1)),
            }
        };
        g.row(vec![
            m.group.clone(),
            m.step.clone(),
            m.touchpoint.clone().unwrap_or_default(),
            f.kind.label(lang).to_owned(),
            f.variant.to_owned(),
            f.n.to_string(),
            score,
            num(f.mean, 2),
            details,
            m.target.clone(),
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.metrics_note.to_owned()));
}

fn market_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(m) = &a.market_damage else { return };
    let cur = m.currency.clone().unwrap_or_default();
    let money = |x: f64| if cur.is_empty() { amount(x) } else { format!("{} {cur}", amount(x)) };
    let mut title = w.market_damage.to_owned();
    if let Some(p) = &m.period {
        title = format!("{title} · {p}");
    }
    out.push(Block::Heading(2, title));
    out.push(Block::Note(format!(
        "{}{}N_p = {} · c = {} · s = {} · L_nc / L_cu / L_cs = {} / {} / {} · V = {} ({})",
        w.inputs,
        w.colon,
        amount(m.customers_with_problem),
        share(m.complaint_rate),
        share(m.resolution_rate),
        share(m.repurchase[0]),
        share(m.repurchase[1]),
        share(m.repurchase[2]),
        money(m.value_per_customer),
        w.value_per_customer
    )));
    let (n, c, s) = (m.customers_with_problem, m.complaint_rate, m.resolution_rate);
    let mut g = Grid::new(&[
        ("", false, None),
        (w.customers, true, None),
        (w.repurchase, true, None),
        (w.lost, true, None),
    ]);
    for (label, customers, rate, lost) in [
        (w.not_complained, n * (1.0 - c), m.repurchase[0], m.lost.not_complained),
        (w.complained_unresolved, n * c * (1.0 - s), m.repurchase[1], m.lost.complained_unresolved),
        (w.complained_resolved, n * c * s, m.repurchase[2], m.lost.complained_resolved),
    ] {
        g.row(vec![label.to_owned(), grouped(customers, 1), share(rate), grouped(lost, 1)]);
    }
    g.row(vec![w.total.to_owned(), grouped(n, 1), String::new(), grouped(m.lost.total, 1)]);
    out.push(Block::Grid(g));
    let mut note = format!(
        "{}{}{} ({}{}) · {}",
        w.revenue_at_risk,
        w.colon,
        money(m.revenue_at_risk),
        num(m.lost_share.map(|x| x * 100.0), 1),
        w.lost_share,
        m.method
    );
    if let Some(wm) = &m.word_of_mouth {
        let _ = write!(
            note,
            "\n\n{}{}{} {} × k = {} → {} {} × q = {} → {} {} · {}{}{} · {}",
            w.word_of_mouth,
            w.colon,
            grouped(wm.unhappy, 1),
            w.unhappy,
            plain(wm.people_told),
            grouped(wm.reach, 0),
            w.reach,
            share(wm.deterred_share),
            grouped(wm.deterred, 1),
            w.deterred,
            w.wom_loss,
            w.colon,
            money(wm.loss),
            wm.method
        );
    }
    out.push(Block::Note(note));
    out.push(Block::Heading(3, w.sensitivity.to_owned()));
    let wom = m.word_of_mouth.is_some();
    let mut cols = vec![
        (w.complaint_rate, true, None),
        (w.resolution_rate, true, None),
        (w.lost, true, None),
        (w.revenue_at_risk, true, None),
        (w.kept, true, None),
        (w.revenue_kept, true, None),
    ];
    if wom {
        cols.push((w.wom_loss, true, None));
    }
    let mut g = Grid::new(&cols);
    for r in &m.sensitivity {
        let mut row = vec![
            share(r.complaint_rate),
            share(r.resolution_rate),
            grouped(r.lost, 1),
            amount(r.revenue_at_risk),
            grouped(r.customers_kept, 1),
            amount(r.revenue_kept),
        ];
        if wom {
            row.push(r.word_of_mouth_loss.map_or_else(|| UNDEFINED.to_owned(), amount));
        }
        g.row(row);
    }
    out.push(Block::Grid(g));
}

fn journey_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.journeys.is_empty() {
        return;
    }
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.journeys.to_owned()));
    let mut g = Grid::new(&[
        (w.group, false, None),
        (w.journey, false, Some(18)),
        (w.steps, true, None),
        (w.average, true, None),
        (w.peak, false, None),
        (w.valleys, false, None),
        (w.end, false, None),
        (w.peak_end, true, None),
        (w.trough_end, true, None),
        (w.covered, true, None),
        (w.missing, false, None),
    ]);
    for j in &a.journeys {
        let peak = j.peak.as_ref().map_or_else(
            || UNDEFINED.to_owned(),
            |p| {
                if p.steps.is_empty() {
                    plain(p.value)
                } else {
                    format!("{} ({})", plain(p.value), p.steps.join(", "))
                }
            },
        );
        let valleys =
            if j.valleys.is_empty() { UNDEFINED.to_owned() } else { j.valleys.join(", ") };
        let end = j
            .end
            .as_ref()
            .map_or_else(|| UNDEFINED.to_owned(), |e| format!("{} ({})", plain(e.value), e.step));
        let missing: Vec<String> = j.coverage.missing.iter().map(|k| k.label.to_owned()).collect();
        g.row(vec![
            j.group.clone(),
            format!("{} {}", j.id, j.name),
            j.steps.len().to_string(),
            num(j.average, 2),
            peak,
            valleys,
            end,
            num(j.peak_end, 1),
            num(j.trough_end, 1),
            format!("{}/5", j.coverage.covered.len()),
            if missing.is_empty() { UNDEFINED.to_owned() } else { list(&missing, lang) },
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.journeys_note.to_owned()));
    out.push(Block::Note(w.mermaid_note.to_owned()));
    for j in &a.journeys {
        out.push(Block::Mermaid(
            format!("{} · {} {}", j.group_name, j.id, j.name),
            j.mermaid.clone(),
        ));
    }
}

fn proposal_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.proposals.is_empty() {
        return;
    }
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.proposals.to_owned()));
    let mut g = Grid::new(&[
        (w.rank, true, None),
        (w.group, false, None),
        (w.proposal, false, None),
        (w.move_, false, None),
        (w.step, false, Some(12)),
        (w.professionalism, true, None),
        (w.ease, true, None),
        (w.perception, true, None),
        (w.score, true, None),
        (w.quick_win, false, None),
        (w.proposal_title, false, Some(28)),
    ]);
    for p in &a.proposals {
        let step = match &p.step_name {
            Some(n) => format!("{} {n}", p.step),
            None => p.step.clone(),
        };
        g.row(vec![
            format!("{}{}", p.rank, if p.tied { "=" } else { "" }),
            p.group.clone(),
            format!("{}/{}", p.journey, p.id),
            p.kind.label(lang).to_owned(),
            step,
            plain(p.professionalism),
            plain(p.ease),
            plain(p.perception),
            num(Some(p.score), 2),
            if p.quick_win { "✓".to_owned() } else { String::new() },
            p.title.clone(),
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.proposals_note.to_owned()));
}

fn summary_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(s) = &a.summary_321 else { return };
    out.push(Block::Heading(2, w.summary.to_owned()));
    out.push(Block::Note(format!(
        "{} {} · {} {}: {} {}",
        s.summaries, w.summaries, w.as_of, s.as_of, s.overdue, w.overdue
    )));
    for (title, head, cited) in
        [(w.takeaways, w.takeaway, &s.takeaways), (w.tools, w.tool, &s.tools)]
    {
        out.push(Block::Heading(3, title.to_owned()));
        let many: Vec<_> = cited.iter().filter(|c| c.count >= 2).collect();
        let shown: Vec<_> = if many.is_empty() { cited.iter().take(5).collect() } else { many };
        let mut g = Grid::new(&[(w.count, true, None), (head, false, Some(40))]);
        for c in &shown {
            g.row(vec![c.count.to_string(), c.text.clone()]);
        }
        out.push(Block::Grid(g));
        let rest = cited.len() - shown.len();
        if rest > 0 {
            out.push(Block::Note(format!("+ {rest} {}", w.cited_once)));
        }
    }
    out.push(Block::Heading(3, w.actions.to_owned()));
    let mut g = Grid::new(&[
        (w.due, false, None),
        (w.status, false, None),
        (w.owner, false, Some(16)),
        (w.action, false, Some(40)),
        (w.by, false, None),
    ]);
    for act in &s.actions {
        let status = match (act.overdue, act.days_to_due) {
            (Some(true), Some(d)) => format!("{} {}{}", w.overdue, -d, w.days),
            (Some(false), Some(0)) => w.due_today.to_owned(),
            (Some(false), Some(d)) => format!("{} {d}{}", w.due_in, w.days),
            _ => w.invalid_date.to_owned(),
        };
        let by = match (&act.participant, &act.group) {
            (Some(p), Some(g)) => format!("{p} ({g})"),
            (Some(p), None) => p.clone(),
            (None, Some(g)) => g.clone(),
            (None, None) => UNDEFINED.to_owned(),
        };
        g.row(vec![act.due.clone(), status, act.owner.clone(), act.what.clone(), by]);
    }
    out.push(Block::Grid(g));
}

fn pk_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.pk.is_empty() {
        return;
    }
    out.push(Block::Heading(2, w.pk.to_owned()));
    let mut cols: Vec<(String, bool, Option<usize>)> = vec![
        (w.rank.into(), true, None),
        (w.group.into(), false, None),
        (w.name.into(), false, Some(16)),
    ];
    if let Some(first) = a.pk.first() {
        for c in &first.scores {
            cols.push((format!("{} /{}", c.name, plain(c.max)), true, None));
        }
    }
    cols.push((
        format!("{} /{}", w.total, a.pk.first().map_or(String::new(), |p| plain(p.max_total))),
        true,
        None,
    ));
    cols.push((w.percent.into(), true, None));
    let refs: Vec<(&str, bool, Option<usize>)> =
        cols.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect();
    let mut g = Grid::new(&refs);
    for p in &a.pk {
        let mut row = vec![
            format!("{}{}", p.rank, if p.tied { "=" } else { "" }),
            p.group.clone(),
            p.name.clone(),
        ];
        row.extend(p.scores.iter().map(|c| c.score.map_or_else(|| UNDEFINED.to_owned(), plain)));
        row.push(plain(p.total));
        row.push(pct(p.percent, 1));
        g.row(row);
    }
    out.push(Block::Grid(g));
    let mut note = String::from(w.ties_note);
    if let Some(p) = a.pk.first() {
        note = format!("{note} {}", p.method);
    }
    out.push(Block::Note(note));
    let comments: Vec<String> =
        a.pk.iter()
            .filter_map(|p| p.comment.as_ref().map(|c| format!("{} {}: {c}", p.group, p.name)))
            .collect();
    if !comments.is_empty() {
        out.push(Block::Heading(3, w.comments.to_owned()));
        for c in comments {
            out.push(Block::Note(format!("- {c}")));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Escape text for a Markdown table cell or paragraph.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(|c| if c.is_control() { ' ' } else { c }) {
        if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Markdown report.
pub fn md(a: &Analysis) -> String {
    let mut out = String::new();
    for b in blocks(a) {
        match b {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from(level) + 1);
                let _ = writeln!(out, "{hashes} {}\n", md_escape(&text));
            }
            Block::Note(text) => {
                // a list item keeps its dash
                let body: Vec<String> = text
                    .split("\n\n")
                    .map(|p| match p.strip_prefix("- ") {
                        Some(rest) => format!("- {}", md_escape(rest)),
                        None => md_escape(p),
                    })
                    .collect();
                let _ = writeln!(out, "{}\n", body.join("\n\n"));
            }
            Block::Grid(g) => {
                let cells = |r: &[String]| {
                    r.iter()
                        .map(|c| if c.is_empty() { " ".to_owned() } else { md_escape(c) })
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(out, "| {} |", cells(&g.header));
                let rule: Vec<&str> =
                    g.right.iter().map(|&r| if r { "--:" } else { "---" }).collect();
                let _ = writeln!(out, "|{}|", rule.join("|"));
                for r in &g.rows {
                    let _ = writeln!(out, "| {} |", cells(r));
                }
                out.push('\n');
            }
            Block::Mermaid(title, text) => {
                let _ = writeln!(out, "#### {}\n", md_escape(&title));
                let _ = writeln!(out, "```mermaid\n{text}```\n");
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

// ---------------------------------------------------------------------------------------
// Terminal table

use super::classify::{pad, truncate};

fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The terminal tables.
pub fn table(a: &Analysis) -> String {
    let mut out = String::new();
    let mut after_heading = false;
    for b in blocks(a) {
        let heading = matches!(b, Block::Heading(..));
        match b {
            Block::Heading(level, text) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                let text = one_line(&text);
                let rule = match level {
                    1 => '═',
                    2 => '─',
                    _ => '·',
                };
                let _ = writeln!(out, "{text}");
                if level < 3 {
                    let _ = writeln!(out, "{}", rule.to_string().repeat(text.width()));
                }
            }
            Block::Note(text) => {
                for p in text.split("\n\n") {
                    let _ = writeln!(out, "{}", one_line(p));
                }
            }
            Block::Grid(g) => {
                let cut = |r: &[String]| -> Vec<String> {
                    r.iter()
                        .zip(&g.max)
                        .map(|(c, m)| {
                            let c = one_line(c);
                            match m {
                                Some(m) => truncate(&c, *m),
                                None => c,
                            }
                        })
                        .collect()
                };
                let header = cut(&g.header);
                let rows: Vec<Vec<String>> = g.rows.iter().map(|r| cut(r)).collect();
                let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
                for r in &rows {
                    for (wd, c) in widths.iter_mut().zip(r) {
                        *wd = (*wd).max(c.width());
                    }
                }
                let line = |cells: &[String]| {
                    cells
                        .iter()
                        .zip(&widths)
                        .zip(&g.right)
                        .map(|((c, &wd), &r)| pad(c, wd, r))
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_owned()
                };
                if !after_heading && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                let _ = writeln!(out, "{}", line(&header));
                for r in &rows {
                    let _ = writeln!(out, "{}", line(r));
                }
                out.push('\n');
            }
            Block::Mermaid(..) => {}
        }
        after_heading = heading;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `a` in `format`, as text ending with a newline.
pub fn render_to_string(a: &Analysis, format: Format) -> Result<String, serde_json::Error> {
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(a)?;
            s.push('\n');
            s
        }
        Format::Md => {
            let mut s = md(a);
            s.push('\n');
            s
        }
        Format::Table => table(a),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_numbers() {
        assert_eq!(amount(6_912_450.4), "6,912,450");
        assert_eq!(amount(899.0 * 420.0), "377,580");
        assert_eq!(amount(-1234.5), "-1,235");
        assert_eq!(amount(12.0), "12");
        assert_eq!(grouped(12131.25, 1), "12,131.3");
        assert_eq!(grouped(-999.0, 1), "-999.0");
        assert_eq!(plain(5.0), "5");
        assert_eq!(plain(4.5), "4.50");
        assert_eq!(share(0.04), "4.0%");
        assert_eq!(num(None, 2), "—");
        assert_eq!(num(Some(-0.004), 2), "0.00");
    }

    #[test]
    fn table_aligns_cjk_and_truncates() {
        assert_eq!(truncate("新市民网点开户（借记卡＋手机银行）", 10), "新市民网…");
        assert_eq!(pad("有形度", 8, false), "有形度  ");
        assert_eq!(pad("1.5", 5, true), "  1.5");
    }
}
