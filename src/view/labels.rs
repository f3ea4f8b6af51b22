//! Fixed report wording in the three report languages. The workshop's own data is never
//! translated: it stays as the facilitator typed it.

use serde::Serialize;

use crate::model::Language;

/// Every fixed string the report templates use.
#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    /// "Workshop report".
    pub report: &'static str,
    /// "Organisation".
    pub organisation: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Facilitator".
    pub facilitator: &'static str,
    /// "Groups".
    pub groups: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Scenario".
    pub scenario: &'static str,
    /// "Members".
    pub members: &'static str,
    /// Section title for post service standards.
    pub post_standards: &'static str,
    /// "Post".
    pub post: &'static str,
    /// "Dimension".
    pub dimension: &'static str,
    /// "Indicator".
    pub indicator: &'static str,
    /// "Description".
    pub description: &'static str,
    /// "How it is checked".
    pub check: &'static str,
    /// "Target".
    pub target: &'static str,
    /// Section title for journeys.
    pub journeys: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Emotion".
    pub emotion: &'static str,
    /// "Touchpoint kinds".
    pub kinds: &'static str,
    /// "Pain points".
    pub pain_points: &'static str,
    /// Chart: emotion curve caption.
    pub emotion_curve: &'static str,
    /// Chart: the average line.
    pub average: &'static str,
    /// Chart: the peak.
    pub peak: &'static str,
    /// Chart: a valley.
    pub valley: &'static str,
    /// Chart: the end.
    pub end: &'static str,
    /// Footer page format; `{page}` and `{pages}` are replaced.
    pub page_format: &'static str,
    /// The list separator, e.g. "、" or ", ".
    pub list_sep: &'static str,
}

/// The labels of `lang`.
pub fn labels(lang: Language) -> Labels {
    match lang {
        Language::ZhCn => Labels {
            report: "工作坊成果报告",
            organisation: "客户单位",
            date: "日期",
            place: "地点",
            facilitator: "讲师",
            groups: "小组",
            participants: "学员",
            scenario: "业务场景",
            members: "组员",
            post_standards: "岗位服务满意标准 1.0",
            post: "岗位",
            dimension: "维度",
            indicator: "指标",
            description: "细化描述",
            check: "考核方式",
            target: "目标",
            journeys: "客户体验之旅",
            step: "步骤",
            emotion: "情绪",
            kinds: "关键触点",
            pain_points: "痛点",
            emotion_curve: "情绪曲线",
            average: "平均线",
            peak: "波峰",
            valley: "波谷",
            end: "末触点",
            page_format: "第 {page} 页 / 共 {pages} 页",
            list_sep: "、",
        },
        Language::ZhTw => Labels {
            report: "工作坊成果報告",
            organisation: "客戶單位",
            date: "日期",
            place: "地點",
            facilitator: "講師",
            groups: "小組",
            participants: "學員",
            scenario: "業務場景",
            members: "組員",
            post_standards: "崗位服務滿意標準 1.0",
            post: "崗位",
            dimension: "維度",
            indicator: "指標",
            description: "細化描述",
            check: "考核方式",
            target: "目標",
            journeys: "客戶體驗之旅",
            step: "步驟",
            emotion: "情緒",
            kinds: "關鍵觸點",
            pain_points: "痛點",
            emotion_curve: "情緒曲線",
            average: "平均線",
            peak: "波峰",
            valley: "波谷",
            end: "末觸點",
            page_format: "第 {page} 頁 / 共 {pages} 頁",
            list_sep: "、",
        },
        Language::En => Labels {
            report: "Workshop report",
            organisation: "Organisation",
            date: "Date",
            place: "Place",
            facilitator: "Facilitator",
            groups: "Groups",
            participants: "Participants",
            scenario: "Scenario",
            members: "Members",
            post_standards: "Post service standards 1.0",
            post: "Post",
            dimension: "Dimension",
            indicator: "Indicator",
            description: "Description",
            check: "How it is checked",
            target: "Target",
            journeys: "Customer journeys",
            step: "Step",
            emotion: "Emotion",
            kinds: "Key touchpoints",
            pain_points: "Pain points",
            emotion_curve: "Emotion curve",
            average: "Average",
            peak: "Peak",
            valley: "Valley",
            end: "End",
            page_format: "Page {page} of {pages}",
            list_sep: ", ",
        },
    }
}
