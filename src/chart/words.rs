//! The fixed wording of the charts in the three report languages: titles, axis titles,
//! legends, quadrant names. The workshop's own data (feature names, steps, proposals) is
//! never translated.

use crate::analysis::kano::Category;
use crate::model::Language;

/// Every fixed string a chart draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language.
    pub lang: Language,
    /// Separator between a chart's subject and its kind, e.g. " · ".
    pub dot: &'static str,

    /// Title: Better–Worse plot.
    pub better_worse: &'static str,
    /// Axis: Better.
    pub better_axis: &'static str,
    /// Axis: |Worse|.
    pub worse_axis: &'static str,
    /// Note: where the quadrants are split; `{v}` is the split.
    pub split_at: &'static str,
    /// Title: category shares per feature.
    pub category_shares: &'static str,
    /// Axis: share of answers.
    pub share_axis: &'static str,
    /// Title: continuous Kano analysis.
    pub continuous: &'static str,
    /// Axis: mean dysfunctional score.
    pub dysfunctional_axis: &'static str,
    /// Axis: mean functional score.
    pub functional_axis: &'static str,
    /// Legend: self-stated importance (bubble size).
    pub importance: &'static str,

    /// Title: SERVQUAL expectation and perception.
    pub servqual: &'static str,
    /// Legend: expectation.
    pub expectation: &'static str,
    /// Legend: perception.
    pub perception: &'static str,
    /// Legend and panel title: the gap P − E.
    pub gap: &'static str,
    /// Axis: score on the SERVQUAL scale.
    pub score: &'static str,
    /// Title: zone of tolerance.
    pub zone: &'static str,
    /// Adequate service.
    pub adequate: &'static str,
    /// Desired service.
    pub desired: &'static str,
    /// The tolerance band (adequate – desired).
    pub zone_band: &'static str,
    /// Perceived below the zone.
    pub below_zone: &'static str,
    /// Perceived within the zone.
    pub within_zone: &'static str,
    /// Perceived above the zone.
    pub above_zone: &'static str,
    /// Title: importance–performance analysis.
    pub ipa: &'static str,
    /// Axis: importance.
    pub ipa_importance: &'static str,
    /// Axis: performance (perception).
    pub ipa_performance: &'static str,
    /// Quadrant: high importance, low performance.
    pub concentrate: &'static str,
    /// Quadrant: high importance, high performance.
    pub keep_up: &'static str,
    /// Quadrant: low importance, low performance.
    pub low_priority: &'static str,
    /// Quadrant: low importance, high performance.
    pub overkill: &'static str,
    /// Note: the crosshair lies at the means.
    pub at_means: &'static str,
    /// Note: the crosshair lies at the medians.
    pub at_medians: &'static str,
    /// Note: the crosshair lies at the scale midpoints.
    pub at_scale_mid: &'static str,
    /// Note: the crosshair lies at given values `{p}` (performance) and `{i}` (importance).
    pub at_values: &'static str,
    /// Title suffix: an IPA of the dimensions, importance the points of 100 given to each.
    pub ipa_by_dimension: &'static str,

    /// Title: journey map.
    pub journey_map: &'static str,
    /// Pain points.
    pub pain_points: &'static str,
    /// Emotion axis.
    pub emotion: &'static str,
    /// The average line.
    pub average: &'static str,
    /// A peak.
    pub peak: &'static str,
    /// A valley.
    pub valley: &'static str,
    /// The end.
    pub end: &'static str,

    /// Title: three-degree evaluation of proposals.
    pub proposals: &'static str,
    /// Axis: ease of investment.
    pub ease: &'static str,
    /// Axis: customer-perceived satisfaction.
    pub perceived_satisfaction: &'static str,
    /// Legend: service professionalism (bubble size).
    pub professionalism: &'static str,
    /// The quick-win quadrant.
    pub quick_wins: &'static str,

    /// Title: NPS distribution.
    pub nps: &'static str,
    /// Detractors (0–6).
    pub detractors: &'static str,
    /// Passives (7–8).
    pub passives: &'static str,
    /// Promoters (9–10).
    pub promoters: &'static str,
    /// Axis: respondents.
    pub respondents: &'static str,
    /// Axis: the 0–10 answer.
    pub likelihood: &'static str,
    /// Title: CSAT per touchpoint.
    pub csat: &'static str,
    /// Axis: top-2-box share.
    pub csat_axis: &'static str,
    /// "mean".
    pub mean: &'static str,
    /// Title: CES per touchpoint.
    pub ces: &'static str,
    /// Axis: CES mean.
    pub ces_axis: &'static str,
    /// Note: higher is easier.
    pub higher_easier: &'static str,
    /// Note: lower is less effort.
    pub lower_easier: &'static str,
    /// "agree".
    pub agree: &'static str,

    /// Title: market damage.
    pub market_damage: &'static str,
    /// Customers with a problem.
    pub with_problem: &'static str,
    /// Did not complain.
    pub silent: &'static str,
    /// Complained.
    pub complained: &'static str,
    /// Not resolved.
    pub unresolved: &'static str,
    /// Resolved.
    pub resolved: &'static str,
    /// Lost.
    pub lost: &'static str,
    /// Lost, of those who did not complain.
    pub lost_silent: &'static str,
    /// Lost, of those complained and not resolved.
    pub lost_unresolved: &'static str,
    /// Lost, of those resolved.
    pub lost_resolved: &'static str,
    /// Axis: customers.
    pub customers: &'static str,
    /// Revenue at risk.
    pub revenue_at_risk: &'static str,
    /// Word of mouth: people reached.
    pub word_of_mouth: &'static str,

    /// Title: group competition.
    pub pk: &'static str,
    /// Total score.
    pub total: &'static str,
    /// Axis: points.
    pub points: &'static str,
}

impl Words {
    /// The wording of `lang`.
    pub fn of(lang: Language) -> &'static Words {
        match lang {
            Language::ZhCn => &ZH_CN,
            Language::ZhTw => &ZH_TW,
            Language::En => &EN,
        }
    }

    /// The name of a Kano category, with its letter: "兴奋 A", "Attractive (A)".
    pub fn category(&self, c: Category) -> String {
        match self.lang {
            Language::En => {
                let mut name = c.en_name().to_owned();
                if let Some(first) = name.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                format!("{name} ({})", c.letter())
            }
            Language::ZhCn => format!("{} {}", c.zh_name(), c.letter()),
            Language::ZhTw => format!("{} {}", zh_tw_category(c), c.letter()),
        }
    }

    /// The name of a Kano quadrant (a category as a need): "兴奋需求 A".
    pub fn need(&self, c: Category) -> String {
        match self.lang {
            Language::En => self.category(c),
            Language::ZhCn => format!("{}需求 {}", c.zh_name(), c.letter()),
            Language::ZhTw => format!("{}需求 {}", zh_tw_category(c), c.letter()),
        }
    }

    /// `split_at` with the value filled in.
    pub fn split_note(&self, v: &str) -> String {
        self.split_at.replace("{v}", v)
    }

    /// Where the IPA crosshair lies, for its `method` as the analysis names it (`mean`,
    /// `median`, `scale-mid`, `custom`) and its lines.
    pub fn crosshair_note(&self, method: &str, performance: f64, importance: f64) -> String {
        match method {
            "mean" => self.at_means.to_owned(),
            "median" => self.at_medians.to_owned(),
            "scale-mid" => self.at_scale_mid.to_owned(),
            _ => {
                let num = |v: f64| super::text::format_number(v, 2, '−');
                self.at_values.replace("{p}", &num(performance)).replace("{i}", &num(importance))
            }
        }
    }
}

fn zh_tw_category(c: Category) -> &'static str {
    match c {
        Category::A => "興奮",
        Category::O => "期望",
        Category::M => "基本",
        Category::I => "無差異",
        Category::R => "反向",
        Category::Q => "可疑",
    }
}

static ZH_CN: Words = Words {
    lang: Language::ZhCn,
    dot: " · ",
    better_worse: "KANO Better–Worse 系数图",
    better_axis: "Better 满意影响系数",
    worse_axis: "|Worse| 不满意影响系数",
    split_at: "分界线 {v}",
    category_shares: "KANO 各功能需求类别占比",
    share_axis: "回答占比（%）",
    continuous: "KANO 连续分析",
    dysfunctional_axis: "反向问题平均分（不具备时）",
    functional_axis: "正向问题平均分（具备时）",
    importance: "重要性",
    servqual: "SERVQUAL 期望与感知",
    expectation: "期望 E",
    perception: "感知 P",
    gap: "差距 P−E",
    score: "得分",
    zone: "容忍区域",
    adequate: "适当服务",
    desired: "理想服务",
    zone_band: "容忍区域（适当—理想）",
    below_zone: "低于容忍区",
    within_zone: "容忍区内",
    above_zone: "高于容忍区",
    ipa: "重要性—表现分析（IPA）",
    ipa_importance: "重要性",
    ipa_performance: "表现（感知均值）",
    concentrate: "重点改进",
    keep_up: "继续保持",
    low_priority: "低优先",
    overkill: "可能过度",
    at_means: "十字线：均值",
    at_medians: "十字线：中位数",
    at_scale_mid: "十字线：量表中点",
    at_values: "十字线：表现 {p}，重要性 {i}",
    ipa_by_dimension: "按维度（重要性：100分分配）",
    journey_map: "客户旅程图",
    pain_points: "痛点",
    emotion: "情绪",
    average: "平均线",
    peak: "波峰",
    valley: "波谷",
    end: "末触点",
    proposals: "MOT 方案三度评价",
    ease: "投入难易度（越高越容易）",
    perceived_satisfaction: "客户满意感知度",
    professionalism: "服务专业度",
    quick_wins: "速赢区",
    nps: "NPS 评分分布",
    detractors: "贬损者 0–6",
    passives: "被动者 7–8",
    promoters: "推荐者 9–10",
    respondents: "人数",
    likelihood: "推荐意愿（0–10 分）",
    csat: "各触点 CSAT",
    csat_axis: "满意（4–5 分）占比 %",
    mean: "均值",
    ces: "各触点客户费力度 CES",
    ces_axis: "CES 均值",
    higher_easier: "越高越省力",
    lower_easier: "越低越省力",
    agree: "同意",
    market_damage: "体验损害模型（TARP）",
    with_problem: "遇到问题",
    silent: "未投诉",
    complained: "投诉",
    unresolved: "未解决",
    resolved: "解决满意",
    lost: "流失",
    lost_silent: "未投诉而流失",
    lost_unresolved: "投诉未解决而流失",
    lost_resolved: "解决后仍流失",
    customers: "客户数",
    revenue_at_risk: "收入风险",
    word_of_mouth: "口碑波及",
    pk: "分组PK 得分",
    total: "总分",
    points: "得分",
};

static ZH_TW: Words = Words {
    lang: Language::ZhTw,
    dot: " · ",
    better_worse: "KANO Better–Worse 係數圖",
    better_axis: "Better 滿意影響係數",
    worse_axis: "|Worse| 不滿意影響係數",
    split_at: "分界線 {v}",
    category_shares: "KANO 各功能需求類別佔比",
    share_axis: "回答佔比（%）",
    continuous: "KANO 連續分析",
    dysfunctional_axis: "反向問題平均分（不具備時）",
    functional_axis: "正向問題平均分（具備時）",
    importance: "重要性",
    servqual: "SERVQUAL 期望與感知",
    expectation: "期望 E",
    perception: "感知 P",
    gap: "差距 P−E",
    score: "得分",
    zone: "容忍區域",
    adequate: "適當服務",
    desired: "理想服務",
    zone_band: "容忍區域（適當—理想）",
    below_zone: "低於容忍區",
    within_zone: "容忍區內",
    above_zone: "高於容忍區",
    ipa: "重要性—表現分析（IPA）",
    ipa_importance: "重要性",
    ipa_performance: "表現（感知均值）",
    concentrate: "重點改進",
    keep_up: "繼續保持",
    low_priority: "低優先",
    overkill: "可能過度",
    at_means: "十字線：均值",
    at_medians: "十字線：中位數",
    at_scale_mid: "十字線：量表中點",
    at_values: "十字線：表現 {p}，重要性 {i}",
    ipa_by_dimension: "按維度（重要性：100分分配）",
    journey_map: "客戶旅程圖",
    pain_points: "痛點",
    emotion: "情緒",
    average: "平均線",
    peak: "波峰",
    valley: "波谷",
    end: "末觸點",
    proposals: "MOT 方案三度評價",
    ease: "投入難易度（越高越容易）",
    perceived_satisfaction: "客戶滿意感知度",
    professionalism: "服務專業度",
    quick_wins: "速贏區",
    nps: "NPS 評分分佈",
    detractors: "貶損者 0–6",
    passives: "被動者 7–8",
    promoters: "推薦者 9–10",
    respondents: "人數",
    likelihood: "推薦意願（0–10 分）",
    csat: "各觸點 CSAT",
    csat_axis: "滿意（4–5 分）佔比 %",
    mean: "均值",
    ces: "各觸點客戶費力度 CES",
    ces_axis: "CES 均值",
    higher_easier: "越高越省力",
    lower_easier: "越低越省力",
    agree: "同意",
    market_damage: "體驗損害模型（TARP）",
    with_problem: "遇到問題",
    silent: "未投訴",
    complained: "投訴",
    unresolved: "未解決",
    resolved: "解決滿意",
    lost: "流失",
    lost_silent: "未投訴而流失",
    lost_unresolved: "投訴未解決而流失",
    lost_resolved: "解決後仍流失",
    customers: "客戶數",
    revenue_at_risk: "收入風險",
    word_of_mouth: "口碑波及",
    pk: "分組PK 得分",
    total: "總分",
    points: "得分",
};

static EN: Words = Words {
    lang: Language::En,
    dot: " · ",
    better_worse: "Kano Better–Worse plot",
    better_axis: "Better (satisfaction coefficient)",
    worse_axis: "|Worse| (dissatisfaction coefficient)",
    split_at: "split at {v}",
    category_shares: "Kano category shares by feature",
    share_axis: "Share of answers (%)",
    continuous: "Continuous Kano analysis",
    dysfunctional_axis: "Mean dysfunctional score (feature absent)",
    functional_axis: "Mean functional score (feature present)",
    importance: "Importance",
    servqual: "SERVQUAL: expectation and perception",
    expectation: "Expectation E",
    perception: "Perception P",
    gap: "Gap P−E",
    score: "Score",
    zone: "Zone of tolerance",
    adequate: "Adequate",
    desired: "Desired",
    zone_band: "Zone of tolerance (adequate–desired)",
    below_zone: "Below the zone",
    within_zone: "Within the zone",
    above_zone: "Above the zone",
    ipa: "Importance–performance analysis",
    ipa_importance: "Importance",
    ipa_performance: "Performance (mean perception)",
    concentrate: "Concentrate here",
    keep_up: "Keep up the good work",
    low_priority: "Low priority",
    overkill: "Possible overkill",
    at_means: "crosshair at the means",
    at_medians: "crosshair at the medians",
    at_scale_mid: "crosshair at the scale midpoints",
    at_values: "crosshair at performance {p}, importance {i}",
    ipa_by_dimension: "by dimension (importance: points of 100)",
    journey_map: "Journey map",
    pain_points: "Pain points",
    emotion: "Emotion",
    average: "Average",
    peak: "Peak",
    valley: "Valley",
    end: "End",
    proposals: "Three-degree evaluation of proposals",
    ease: "Ease of investment (higher = easier)",
    perceived_satisfaction: "Customer-perceived satisfaction",
    professionalism: "Professionalism",
    quick_wins: "Quick wins",
    nps: "NPS distribution",
    detractors: "Detractors 0–6",
    passives: "Passives 7–8",
    promoters: "Promoters 9–10",
    respondents: "Respondents",
    likelihood: "Likelihood to recommend (0–10)",
    csat: "CSAT by touchpoint",
    csat_axis: "Satisfied (4–5) %",
    mean: "mean",
    ces: "Customer effort (CES) by touchpoint",
    ces_axis: "CES mean",
    higher_easier: "higher = easier",
    lower_easier: "lower = less effort",
    agree: "agree",
    market_damage: "Market damage (TARP)",
    with_problem: "With a problem",
    silent: "Did not complain",
    complained: "Complained",
    unresolved: "Not resolved",
    resolved: "Resolved",
    lost: "Lost",
    lost_silent: "Lost, did not complain",
    lost_unresolved: "Lost, complaint unresolved",
    lost_resolved: "Lost, complaint resolved",
    customers: "Customers",
    revenue_at_risk: "Revenue at risk",
    word_of_mouth: "Word of mouth reach",
    pk: "Group competition scores",
    total: "Total",
    points: "Points",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_in_each_language() {
        assert_eq!(Words::of(Language::ZhCn).category(Category::A), "兴奋 A");
        assert_eq!(Words::of(Language::ZhTw).need(Category::I), "無差異需求 I");
        assert_eq!(Words::of(Language::En).category(Category::O), "One-dimensional (O)");
        assert_eq!(Words::of(Language::En).split_note("0.5"), "split at 0.5");
    }

    #[test]
    fn crosshair_notes() {
        let en = Words::of(Language::En);
        assert_eq!(en.crosshair_note("mean", 5.4, 5.8), "crosshair at the means");
        assert_eq!(en.crosshair_note("median", 5.4, 5.8), "crosshair at the medians");
        assert_eq!(
            en.crosshair_note("custom", 5.5, 6.0),
            "crosshair at performance 5.5, importance 6"
        );
        let zh = Words::of(Language::ZhCn);
        assert_eq!(zh.crosshair_note("scale-mid", 4.0, 4.0), "十字线：量表中点");
    }

    #[test]
    fn every_string_is_drawable_in_the_embedded_font() {
        let faces = crate::render::pdf::Faces::embedded().unwrap();
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            let w = format!("{:?}", Words::of(lang));
            assert_eq!(faces.missing(&w), Vec::<char>::new(), "{lang:?}");
        }
    }
}
