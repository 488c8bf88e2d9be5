"""Recipes: named dishes made of catalog foods (or other recipes) with amounts in grams."""
