import { Moon, Sun } from "lucide-react";
import { useState } from "react";
import { Button } from "../ui/button.tsx";
import { preferredTheme, saveTheme, type Theme } from "./theme.ts";

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(preferredTheme);
  const next = theme === "dark" ? "light" : "dark";
  return (
    <Button
      variant="ghost"
      label={`Switch to ${next} theme`}
      icon={theme === "dark" ? <Sun size={15} /> : <Moon size={15} />}
      onClick={() => {
        saveTheme(next);
        setTheme(next);
      }}
    />
  );
}
