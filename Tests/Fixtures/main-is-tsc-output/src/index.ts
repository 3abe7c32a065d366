import { handler } from "./lambda/handler";
export const name = typeof handler;
