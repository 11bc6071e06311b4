/** The Messaging Service use cases (v1 Services/Usecases), with their console descriptions. */
export const USECASES = [
  { usecase: "notifications", description: "Send account notifications, alerts and reminders", purpose: "Send notifications" },
  { usecase: "marketing", description: "Send promotions and marketing messages", purpose: "Marketing" },
  { usecase: "verification", description: "Send one-time passcodes and verification messages", purpose: "Verify users" },
  { usecase: "discussion", description: "Two-way conversations with customers", purpose: "Discussion" },
  { usecase: "poll", description: "Surveys, polls and votes", purpose: "Poll and survey" },
  { usecase: "undeclared", description: "No use case declared yet", purpose: "Undeclared" },
] as const;
