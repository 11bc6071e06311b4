-- AlterTable
ALTER TABLE "messages" ADD COLUMN     "fallback_from" TEXT;
