// A fixture for the layering check: core code that reaches for SDL (must be refused).
#pragma once
#include <SDL.h>
