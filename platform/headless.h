// A software renderer drawing into memory: for --render, tests and the benchmark. Needs no
// display and no video driver.
#pragma once

#include <optional>
#include <string>
#include <vector>

struct SDL_Surface;
struct SDL_Renderer;

struct Headless {
    int width = 0, height = 0;         // the size drawn at, in pixels
    SDL_Surface* surface = nullptr;    // the memory drawn into, RGBA
    SDL_Renderer* renderer = nullptr;  // SDL's software renderer on `surface`
};

// Returns an error text, or nullopt with `out` filled.
std::optional<std::string> open_headless(int width, int height, Headless& out);
void close_headless(Headless& h);

// The current render target's pixels as tightly packed RGBA, rows top to bottom.
// Flushes pending drawing first. Empty on failure.
std::vector<unsigned char> read_rgba(SDL_Renderer* renderer, int width, int height);
