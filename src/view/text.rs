//! Report wording beyond the chart labels: section titles, table heads and short phrases,
//! one row per key in Simplified Chinese, Traditional Chinese and English. The templates
//! reach them as `t.<key>`; a key missing here is a template error, caught by the tests
//! before any report is written.

use std::collections::BTreeMap;

use crate::model::Language;

/// (key, zh-CN, zh-TW, en).
const TEXT: &[(&str, &str, &str, &str)] = &[
    ("contents", "目录", "目錄", "Contents"),
    ("group_report", "小组成果报告", "小組成果報告", "Group report"),
    ("overview", "小组概况", "小組概況", "The group"),
    (
        "journey_map",
        "客户旅程与情绪曲线",
        "客戶旅程與情緒曲線",
        "Customer journey and emotion curve",
    ),
    ("proposals", "MOT 优化方案", "MOT 優化方案", "MOT proposals"),
    ("proposal", "方案", "方案", "Proposal"),
    ("move", "优化方式", "優化方式", "Move"),
    ("acts_on", "作用步骤", "作用步驟", "Step"),
    ("professionalism", "专业度", "專業度", "Professionalism"),
    ("ease", "投入难易度", "投入難易度", "Ease"),
    ("perception", "满意感知度", "滿意感知度", "Perception"),
    ("total", "总分", "總分", "Total"),
    ("rank", "排名", "排名", "Rank"),
    ("quick_win", "速赢", "速贏", "Quick win"),
    ("principles", "峰值原则", "峰值原則", "Peak principles"),
    ("measurement", "满意度测评方案", "滿意度測評方案", "Measurement plan"),
    ("touchpoint", "触点", "觸點", "Touchpoint"),
    ("indicator_kind", "指标类型", "指標類型", "Indicator"),
    ("metric", "测评工具", "測評工具", "Metric"),
    ("model", "测评模式", "測評模式", "Model"),
    ("timing", "测评时机", "測評時機", "Timing"),
    ("question", "问题", "問題", "Question"),
    ("result", "结果", "結果", "Result"),
    ("responses", "样本量", "樣本量", "Responses"),
    ("gaps", "服务质量差距诊断", "服務質量差距診斷", "Service-quality gap diagnosis"),
    ("gap", "差距", "差距", "Gap"),
    ("symptoms", "现象", "現象", "Symptoms"),
    ("causes", "原因", "原因", "Causes"),
    ("measures", "改进措施", "改進措施", "Measures"),
    ("owner", "责任人", "責任人", "Owner"),
    ("due", "完成时间", "完成時間", "Due"),
    ("self_test", "差距自测", "差距自測", "Gap self-test"),
    ("statement", "陈述", "陳述", "Statement"),
    ("score", "得分", "得分", "Score"),
    ("mean", "平均", "平均", "Mean"),
    ("none", "无", "無", "none"),
    ("table_standard", "Kano 标准评价表", "Kano 標準評價表", "Kano's standard evaluation table"),
    ("table_pouliot", "Pouliot 评价表", "Pouliot 評價表", "Pouliot's evaluation table"),
    ("rule_plurality", "众数原则", "眾數原則", "plurality rule"),
    ("rule_moai", "Matzler 影响优先原则", "Matzler 影響優先原則", "Matzler's what-hurts-most rule"),
    ("rule_two_stage", "两阶段原则", "兩階段原則", "two-stage rule"),
    ("sep", "，", "，", ", "),
    ("lp", "（", "（", " ("),
    ("rp", "）", "）", ")"),
    ("prof_short", "专业度", "專業度", "Prof."),
    ("ease_short", "难易度", "難易度", "Ease"),
    ("perc_short", "感知度", "感知度", "Perc."),
    ("summary", "3-2-1 总结", "3-2-1 總結", "The 3-2-1 summary"),
    (
        "summary_lead",
        "学员们最常提到的收获与工具，以及每一项行动计划。",
        "學員們最常提到的收穫與工具，以及每一項行動計劃。",
        "What participants took away most often, the tools they will use, and every action they committed to.",
    ),
    ("takeaways", "主要收获", "主要收穫", "Top takeaways"),
    ("tools", "常用工具", "常用工具", "Top tools"),
    ("mentions", "提及人数", "提及人數", "Mentions"),
    ("actions", "行动计划", "行動計劃", "Actions"),
    ("action", "行动", "行動", "Action"),
    ("status", "状态", "狀態", "Status"),
    ("overdue", "已逾期", "已逾期", "overdue"),
    ("open", "进行中", "進行中", "open"),
    ("as_of", "截至", "截至", "as of"),
    (
        "journey_figures",
        "平均线 {avg}，峰值 {peak}，终点 {end}，峰终估计 {pe}。",
        "平均線 {avg}，峰值 {peak}，終點 {end}，峰終估計 {pe}。",
        "Average {avg}, peak {peak}, end {end}, peak–end estimate {pe}.",
    ),
    ("average_line", "平均线", "平均線", "Average"),
    ("peak_end", "峰终估计", "峰終估計", "Peak–end estimate"),
    ("valleys", "波谷", "波谷", "Valleys"),
    ("missing_kinds", "未覆盖的关键触点", "未覆蓋的關鍵觸點", "Key touchpoints not covered"),
    (
        "all_kinds_covered",
        "五类关键触点均已覆盖。",
        "五類關鍵觸點均已覆蓋。",
        "All five kinds of key touchpoint are covered.",
    ),
    ("servqual", "SERVQUAL 服务质量评估", "SERVQUAL 服務質量評估", "SERVQUAL service quality"),
    ("expectation", "期望 E", "期望 E", "Expectation E"),
    ("perception_p", "感知 P", "感知 P", "Perception P"),
    ("gap_pe", "差距 P−E", "差距 P−E", "Gap P−E"),
    ("items", "题项", "題項", "Items"),
    ("overall", "总体服务质量", "總體服務質量", "Overall service quality"),
    ("variant", "口径", "口徑", "Variant"),
    ("value", "数值", "數值", "Value"),
    ("zone", "容忍区域", "容忍區域", "Zone of tolerance"),
    ("adequate", "适当服务 A", "適當服務 A", "Adequate A"),
    ("desired", "理想服务 D", "理想服務 D", "Desired D"),
    ("perceived", "感知服务 P", "感知服務 P", "Perceived P"),
    ("position", "位置", "位置", "Position"),
    (
        "ipa",
        "重要性—表现分析（IPA）",
        "重要性—表現分析（IPA）",
        "Importance–performance analysis (IPA)",
    ),
    ("importance", "重要性", "重要性", "Importance"),
    ("performance", "表现", "表現", "Performance"),
    ("quadrant", "象限", "象限", "Quadrant"),
    ("metrics", "触点测评结果", "觸點測評結果", "Touchpoint measurements"),
    ("market_damage", "体验损害模型（TARP）", "體驗損害模型（TARP）", "Market damage (TARP)"),
    ("customers_with_problem", "遇到问题的客户", "遇到問題的客戶", "Customers with a problem"),
    ("complaint_rate", "投诉率", "投訴率", "Complaint rate"),
    ("resolution_rate", "解决率", "解決率", "Resolution rate"),
    ("lost_customers", "流失客户", "流失客戶", "Customers lost"),
    ("revenue_at_risk", "风险收入", "風險收入", "Revenue at risk"),
    ("word_of_mouth_loss", "口碑损失", "口碑損失", "Word-of-mouth loss"),
    ("sensitivity", "改进的价值", "改進的價值", "What improvement buys"),
    ("customers_kept", "挽回客户", "挽回客戶", "Customers kept"),
    ("revenue_kept", "挽回收入", "挽回收入", "Revenue kept"),
    ("pk", "分组 PK", "分組 PK", "Group PK"),
    ("group", "小组", "小組", "Group"),
    ("comment", "点评", "點評", "Comment"),
    ("tied", "并列", "並列", "tied"),
    ("methods", "附录：方法说明", "附錄：方法說明", "Appendix: methods"),
    (
        "methods_lead",
        "本报告中的各项数字均按以下方法计算；公式与出处以原文给出。",
        "本報告中的各項數字均按以下方法計算；公式與出處以原文給出。",
        "Every figure in this report was computed as follows; formulas and sources are given as published.",
    ),
    ("method_kano", "KANO 分类", "KANO 分類", "Kano classification"),
    ("method_servqual", "SERVQUAL", "SERVQUAL", "SERVQUAL"),
    ("method_zone", "容忍区域", "容忍區域", "Zone of tolerance"),
    ("method_metrics", "NPS / CSAT / CES", "NPS / CSAT / CES", "NPS / CSAT / CES"),
    ("method_tarp", "体验损害模型", "體驗損害模型", "Market damage"),
    (
        "method_journey",
        "客户旅程与峰终定律",
        "客戶旅程與峰終定律",
        "Journeys and the peak–end rule",
    ),
    ("method_proposals", "方案三度评价", "方案三度評價", "Three-degree evaluation"),
    ("method_321", "3-2-1 总结", "3-2-1 總結", "3-2-1 summary"),
    ("method_pk", "分组 PK", "分組 PK", "Group PK"),
    (
        "kano_method_text",
        "Kano（1984）五级问卷与评价表；Better = (A+O)/(A+O+M+I)，Worse = −(O+M)/(A+O+M+I)（Timko 1993）；Fong 检验判断前两类是否可区分。",
        "Kano（1984）五級問卷與評價表；Better = (A+O)/(A+O+M+I)，Worse = −(O+M)/(A+O+M+I)（Timko 1993）；Fong 檢驗判斷前兩類是否可區分。",
        "Kano (1984) five-answer questionnaire and evaluation table; Better = (A+O)/(A+O+M+I), Worse = −(O+M)/(A+O+M+I) (Timko 1993); Fong's test tells whether the two largest categories differ.",
    ),
    ("colon", "：", "：", ": "),
    ("space", "　", "　", " · "),
    ("kano", "KANO 需求分析", "KANO 需求分析", "Kano needs analysis"),
    ("feature", "服务特性", "服務特性", "Feature"),
    ("category", "类别", "類別", "Category"),
    ("better", "Better", "Better", "Better"),
    ("worse", "Worse", "Worse", "Worse"),
    ("kano_method", "方法", "方法", "Method"),
    ("kano_respondents", "受访者", "受訪者", "Respondents"),
    ("kano_source", "数据", "數據", "Data"),
    ("kano_shares", "各类别占比（%）", "各類別佔比（%）", "Shares by category (%)"),
    ("kano_levels", "对服务水平的启示", "對服務水平的啟示", "What it means for service levels"),
    ("cat_M", "基本需求", "基本需求", "Basic (must-be)"),
    ("cat_O", "期望需求", "期望需求", "Performance (one-dimensional)"),
    ("cat_A", "兴奋需求", "興奮需求", "Excitement (attractive)"),
    ("cat_I", "无差异需求", "無差異需求", "Indifferent"),
    ("cat_R", "反向需求", "反向需求", "Reverse"),
    ("cat_Q", "可疑结果", "可疑結果", "Questionable"),
    (
        "level_M",
        "良好服务：兑现承诺、按时交付。基本需求做不到，客户就会不满；做到了，客户也只觉得理所应当。它们是服务标准的底线，必须百分之百兑现。",
        "良好服務：兌現承諾、按時交付。基本需求做不到，客戶就會不滿；做到了，客戶也只覺得理所應當。它們是服務標準的底線，必須百分之百兌現。",
        "Good service: keep promises, deliver on time. Failing a basic need makes customers dissatisfied; meeting it is taken for granted. These are the floor of the service standards and must be met every time.",
    ),
    (
        "level_O",
        "优秀服务：高效完成、关注细节。期望需求做得越好，客户越满意，是与同业竞争的主战场，宜设定可衡量的目标并持续提升。",
        "優秀服務：高效完成、關注細節。期望需求做得越好，客戶越滿意，是與同業競爭的主戰場，宜設定可衡量的目標並持續提升。",
        "Excellent service: efficient and attentive. The better a performance need is met, the more satisfied customers are; this is where the competition is, so set measurable targets and raise them.",
    ),
    (
        "level_A",
        "超预期与卓越服务：兴奋需求没有时客户不会抱怨，有了则带来惊喜与口碑，适合作为峰值时刻的设计素材（提升波峰）。",
        "超預期與卓越服務：興奮需求沒有時客戶不會抱怨，有了則帶來驚喜與口碑，適合作為峰值時刻的設計素材（提升波峰）。",
        "Beyond expectation, outstanding service: customers do not miss an excitement need, but meeting it delights them and gets talked about; material for designing peak moments (lift the peak).",
    ),
    (
        "level_I",
        "无差异需求：客户并不在意，投入应从严控制。",
        "無差異需求：客戶並不在意，投入應從嚴控制。",
        "Indifferent needs: customers do not care; spend little on them.",
    ),
    (
        "level_R",
        "反向需求：提供反而引起不满，应当取消或改为可选。",
        "反向需求：提供反而引起不滿，應當取消或改為可選。",
        "Reverse needs: providing them dissatisfies; drop them or make them optional.",
    ),
    (
        "level_Q",
        "可疑结果：答案自相矛盾，请检查题目表述或数据。",
        "可疑結果：答案自相矛盾，請檢查題目表述或數據。",
        "Questionable: contradictory answers; check the wording of the questions or the data.",
    ),
];

/// The wording of `lang`, by key.
pub fn text(lang: Language) -> BTreeMap<&'static str, &'static str> {
    TEXT.iter()
        .map(|&(k, cn, tw, en)| {
            let v = match lang {
                Language::ZhCn => cn,
                Language::ZhTw => tw,
                Language::En => en,
            };
            (k, v)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_language_is_filled() {
        let mut keys: Vec<&str> = TEXT.iter().map(|r| r.0).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), TEXT.len());
        for (k, cn, tw, en) in TEXT {
            assert!(!cn.is_empty() && !tw.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(text(Language::ZhTw)["contents"], "目錄");
    }
}
