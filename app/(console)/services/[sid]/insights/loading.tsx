export { InsightsLoading as default } from "@/components/insights/insights-loading";
